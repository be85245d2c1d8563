"use client";

import { useState } from "react";
import { FieldControl, targetsOf, type FieldSpec } from "@/components/forms/field-control";
import { FormFeedback } from "@/components/forms/form-feedback";
import { InlineMessage, InlineStatus } from "@/components/forms/inline-status";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button, ButtonLink } from "@/components/ui/button";
import { errorId, Field, TextInput } from "@/components/ui/field";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/admin";
import { LIMITS } from "@/lib/schemas/common";

const NAME_FIELD = {
  name: "name",
  id: "token-name",
  label: "Name",
  hint: "What it is for, e.g. “nightly export”.",
  className: "w-full max-w-sm",
  control: { required: true, maxLength: LIMITS.name, autoComplete: "off" },
} satisfies FieldSpec;
const TOKEN_ID = "new-token";

/**
 * Names and creates an API token for a user. The token comes back in the action's answer and is
 * shown once, in place of the form, until "Done". Done starts a fresh form (a new key, so a new
 * useActionState): React posts a form's previous state with its next submission, and the token
 * must not travel back to the server (nor into a dev server's log of action arguments).
 */
export function CreateTokenForm({ userId }: { userId: string }) {
  const [round, setRound] = useState(0);
  return <TokenCreator key={round} userId={userId} focusName={round > 0} onDone={() => setRound((r) => r + 1)} />;
}

function TokenCreator({ userId, focusName, onDone }: { userId: string; focusName: boolean; onDone: () => void }) {
  const { state, action, pending, errorOf, echo, values } = useFormAction(createApiTokenAction);
  const created = state.status === "ok" ? state.data : null;
  const formKey = state.status === "error" ? `${state.code}-${JSON.stringify(values ?? {})}` : "initial";

  return (
    <div className="space-y-3">
      <FormFeedback
        id="token-form-status"
        state={state}
        fields={targetsOf([NAME_FIELD])}
        success={created ? `Created token “${created.summary.name}”. Copy it now: it is shown once.` : null}
      />
      {created ? (
        <>
          <TokenReveal token={created.token} />
          {/* Without JavaScript, a plain link to this page: the token is gone on arrival. */}
          <ButtonLink
            href={`/admin/users/${userId}`}
            onClick={(event) => {
              event.preventDefault();
              onDone();
            }}
          >
            Done
          </ButtonLink>
        </>
      ) : (
        <form
          key={formKey}
          action={action}
          noValidate
          aria-describedby="token-form-status"
          className="flex flex-wrap items-start gap-2"
        >
          <RecordIdField id={userId} />
          <FieldControl
            spec={{ ...NAME_FIELD, control: { ...NAME_FIELD.control, autoFocus: focusName } }}
            error={errorOf("name")}
            value={echo("name") ?? ""}
          />
          {/* Aligned with the input: the label above it is one line of text-sm. */}
          <SubmitButton pending={pending} label="Create token" className="mt-6" />
        </form>
      )}
    </div>
  );
}

/** The new token in a read-only input, focused and selected so it can be copied at once. */
function TokenReveal({ token }: { token: string }) {
  const hydrated = useHydrated();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(token);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5">
      <Field
        label="New API token"
        htmlFor={TOKEN_ID}
        hint="Shown once: copy it now; it is stored only as a hash. Scripts send it as the header “Authorization: Bearer <token>”."
      >
        <div className="flex gap-2">
          <TextInput
            id={TOKEN_ID}
            readOnly
            value={token}
            hint
            autoFocus
            autoComplete="off"
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
            className="font-mono text-xs"
          />
          {/* The copy button needs JavaScript; without it the selected text is copied by hand. */}
          {hydrated ? (
            <Button onClick={copyToken} aria-describedby={`${TOKEN_ID}-copy`}>
              Copy
            </Button>
          ) : null}
        </div>
      </Field>
      <InlineMessage
        id={`${TOKEN_ID}-copy`}
        className="mt-1"
        {...(copy === "copied"
          ? { message: "Copied to the clipboard.", tone: "success" }
          : copy === "failed"
            ? { message: "Could not copy: select the token and copy it by hand.", tone: "error" }
            : { message: null, tone: "success" })}
      />
    </div>
  );
}

/** "Revoke" for an active token; the live region stays after the row turns to Revoked. */
export function RevokeTokenForm({ tokenId, name, revoked }: { tokenId: string; name: string; revoked: boolean }) {
  const { state, action, pending } = useFormAction(revokeApiTokenAction);
  const statusId = errorId(`revoke-${tokenId}`);
  return (
    <div className="flex flex-col gap-1">
      {revoked ? null : (
        <form action={action}>
          <RecordIdField id={tokenId} />
          <SubmitButton
            pending={pending}
            variant="secondary"
            size="sm"
            aria-describedby={state.status === "error" ? statusId : undefined}
            label={
              <>
                Revoke<span className="sr-only"> token {name}</span>
              </>
            }
          />
        </form>
      )}
      <InlineStatus id={statusId} state={state} />
    </div>
  );
}

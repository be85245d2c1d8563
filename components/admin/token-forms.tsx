"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import {
  createApiTokenAction,
  revokeApiTokenAction,
  type AdminActionState,
  type CreatedToken,
} from "@/app/admin/actions";
import { errorLinks, fieldError, refusalMessage } from "@/app/grievances/form-errors";
import { Button, ButtonLink } from "@/components/ui/button";
import { errorId, Field, FormStatus, TextInput } from "@/components/ui/field";
import { LIMITS } from "@/lib/schemas/common";
import { actionResult } from "./action-result";
import { InlineStatus } from "./inline-status";

const IDLE = { status: "idle" } as const;
const NAME_ID = "token-name";
const TOKEN_ID = "new-token";

function subscribeNothing(): () => void {
  return () => {};
}

/** False in the server render and during hydration, true once React runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

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
  const [state, formAction, pending] = useActionState<AdminActionState<CreatedToken>, FormData>(
    createApiTokenAction,
    IDLE,
  );
  const failed = state.status === "error" ? state : null;
  const created = state.status === "ok" ? state.data : null;
  const nameError = failed ? fieldError(failed.fieldErrors, "name") : undefined;
  const links = failed ? errorLinks(failed.fieldErrors, [{ name: "name", id: NAME_ID, label: "Name" }]) : [];
  const formKey = failed ? `${failed.code}-${JSON.stringify(failed.values ?? {})}` : "initial";
  const typed = failed?.values?.name;

  return (
    <div className="space-y-3">
      <FormStatus
        id="token-form-status"
        tone={created ? "success" : "error"}
        message={
          created
            ? `Created token “${created.summary.name}”. Copy it now: it is shown once.`
            : failed
              ? refusalMessage(failed.formError, links.length)
              : null
        }
        errors={links}
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
          action={formAction}
          noValidate
          aria-describedby="token-form-status"
          className="flex flex-wrap items-start gap-2"
        >
          <input type="hidden" name="userId" value={userId} />
          <Field
            label="Name"
            htmlFor={NAME_ID}
            error={nameError}
            hint="What it is for, e.g. “nightly export”."
            className="w-full max-w-sm"
          >
            <TextInput
              id={NAME_ID}
              name="name"
              required
              maxLength={LIMITS.name}
              autoComplete="off"
              autoFocus={focusName}
              defaultValue={typeof typed === "string" ? typed : ""}
              hint
              invalid={Boolean(nameError)}
            />
          </Field>
          {/* Aligned with the input: the label above it is one line of text-sm. */}
          <Button type="submit" variant="primary" disabled={pending} className="mt-6">
            Create token
          </Button>
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
      <InlineStatus
        id={`${TOKEN_ID}-copy`}
        className="mt-1"
        result={
          copy === "copied"
            ? { message: "Copied to the clipboard.", tone: "success" }
            : copy === "failed"
              ? { message: "Could not copy: select the token and copy it by hand.", tone: "error" }
              : { message: null, tone: "success" }
        }
      />
    </div>
  );
}

/** "Revoke" for an active token; the live region stays after the row turns to Revoked. */
export function RevokeTokenForm({ tokenId, name, revoked }: { tokenId: string; name: string; revoked: boolean }) {
  const [state, formAction, pending] = useActionState<AdminActionState<null>, FormData>(revokeApiTokenAction, IDLE);
  const statusId = errorId(`revoke-${tokenId}`);
  return (
    <div className="flex flex-col gap-1">
      {revoked ? null : (
        <form action={formAction}>
          <input type="hidden" name="tokenId" value={tokenId} />
          <Button
            type="submit"
            size="sm"
            disabled={pending}
            aria-describedby={state.status === "error" ? statusId : undefined}
          >
            Revoke<span className="sr-only"> token {name}</span>
          </Button>
        </form>
      )}
      <InlineStatus id={statusId} result={actionResult(state)} />
    </div>
  );
}

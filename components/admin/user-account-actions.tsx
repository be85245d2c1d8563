"use client";

import { useState } from "react";
import { InlineStatus } from "@/components/forms/inline-status";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { errorId, NativeSelect } from "@/components/ui/field";
import {
  changeUserRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  revokeUserSessionsAction,
} from "@/lib/actions/admin";
import type { ActionState } from "@/lib/forms/action-state";
import { ROLE_LABELS, ROLES, type Role, type UserSummary } from "@/lib/schemas/user";

// The forms that change a user's account. Each posts to its own server action, so each works
// without JavaScript; in a table row (`compact`) labels and button names carry the user's email
// for screen readers, who otherwise hear a column of identical "Save role" buttons.

const IDLE: ActionState = { status: "idle" };

function ForUser({ email }: { email?: string }) {
  return email ? <span className="sr-only">, {email}</span> : null;
}

export type RoleFormProps = {
  userId: string;
  email: string;
  role: Role;
  /** In a table row: the label is visually hidden and names the user. */
  compact?: boolean;
};

/** A role select with its own "Save role" button. */
export function RoleForm({ userId, email, role, compact = false }: RoleFormProps) {
  const { state, action, pending } = useFormAction(changeUserRoleAction);
  const selectId = `user-role-${userId}`;
  return (
    <div className="flex flex-col gap-1">
      {/* Keyed by the stored role: after a save the select shows the role the server now holds. */}
      <form key={role} action={action} className={cn("flex gap-1.5", compact ? "items-center" : "flex-wrap items-end")}>
        <RecordIdField id={userId} />
        {/* The select fills this box: its width is set here, not against the control's w-full. */}
        <div className={compact ? "w-28 shrink-0" : "flex w-40 flex-col gap-1"}>
          <label htmlFor={selectId} className={compact ? "sr-only" : "text-sm font-medium text-slate-800"}>
            {compact ? `Role for ${email}` : "Role"}
          </label>
          <NativeSelect
            id={selectId}
            name="role"
            defaultValue={role}
            invalid={state.status === "error"}
            className={compact ? "h-7! text-xs!" : undefined}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <SubmitButton
          pending={pending}
          variant="secondary"
          size={compact ? "sm" : "md"}
          label={
            <>
              Save role
              <ForUser email={compact ? email : undefined} />
            </>
          }
        />
      </form>
      <InlineStatus id={errorId(selectId)} state={state} />
    </div>
  );
}

export type UserAccountActionsProps = {
  user: Pick<UserSummary, "id" | "email" | "deactivatedAt" | "activeTokens">;
  /** The signed-in admin's own account: deactivating or signing out ends their session too. */
  isSelf: boolean;
  compact?: boolean;
};

type Kind = "signOut" | "deactivate" | "reactivate";

/**
 * "Sign out everywhere", and "Deactivate" (behind a confirm step) or "Reactivate". One live
 * region for all three: it stays mounted when Deactivate turns into Reactivate, so the answer is
 * still heard after the swap.
 */
export function UserAccountActions({ user, isSelf, compact = false }: UserAccountActionsProps) {
  const signOut = useFormAction(revokeUserSessionsAction);
  const deactivate = useFormAction(deactivateUserAction);
  const reactivate = useFormAction(reactivateUserAction);
  // Which form answered last. Without JavaScript each post renders a fresh page, so at most one
  // state is set and the fallback finds it.
  const [last, setLast] = useState<Kind | null>(null);
  const states: Record<Kind, ActionState> = {
    signOut: signOut.state,
    deactivate: deactivate.state,
    reactivate: reactivate.state,
  };
  const shown = last ? states[last] : (Object.values(states).find((s) => s.status !== "idle") ?? IDLE);
  const email = compact ? user.email : undefined;
  const size = compact ? "sm" : "md";
  const tokens = user.activeTokens;

  return (
    <div className="flex flex-col gap-1">
      {/* An open confirm step takes a line of its own, under the buttons, as wide as the cell or card. */}
      <div
        className={cn("flex items-start gap-1.5 has-[details[open]]:flex-wrap", compact ? "flex-nowrap" : "flex-wrap")}
      >
        <UserButtonForm
          form={signOut}
          userId={user.id}
          onSubmit={() => setLast("signOut")}
          label="Sign out everywhere"
          email={email}
          size={size}
        />
        {user.deactivatedAt ? (
          <UserButtonForm
            form={reactivate}
            userId={user.id}
            onSubmit={() => setLast("reactivate")}
            label="Reactivate"
            email={email}
            size={size}
          />
        ) : (
          <details className="group open:basis-full">
            <summary
              className={buttonClasses({
                size,
                className:
                  "cursor-pointer list-none text-red-800 group-open:bg-red-50 [&::-webkit-details-marker]:hidden",
              })}
            >
              {/* No hidden suffix here: the disclosure only opens; the confirm button names the user. */}
              Deactivate
            </summary>
            <div className="mt-1.5 max-w-80 space-y-2 rounded-md border border-red-200 bg-red-50 p-2.5 text-xs whitespace-normal text-red-950">
              <p>
                Deactivating {user.email} signs them out everywhere and revokes all their API tokens
                {tokens > 0 ? ` (${tokens} active)` : ""}. They cannot sign in until reactivated; revoked tokens stay
                revoked.
              </p>
              {isSelf ? <p className="font-medium">This is your own account: you will be signed out at once.</p> : null}
              <UserButtonForm
                form={deactivate}
                userId={user.id}
                onSubmit={() => setLast("deactivate")}
                label="Yes, deactivate"
                email={email}
                size="sm"
                variant="danger"
              />
            </div>
          </details>
        )}
      </div>
      <InlineStatus state={shown} />
    </div>
  );
}

/** One button posting the user's id to one action; `email` names the user for screen readers. */
function UserButtonForm({
  form,
  userId,
  onSubmit,
  label,
  email,
  size,
  variant = "secondary",
}: {
  form: { action: (formData: FormData) => void; pending: boolean };
  userId: string;
  onSubmit: () => void;
  label: string;
  email?: string;
  size: ButtonSize;
  variant?: ButtonVariant;
}) {
  return (
    <form action={form.action} onSubmit={onSubmit}>
      <RecordIdField id={userId} />
      <SubmitButton
        pending={form.pending}
        variant={variant}
        size={size}
        label={
          <>
            {label}
            <ForUser email={email} />
          </>
        }
      />
    </form>
  );
}

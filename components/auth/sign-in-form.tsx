"use client";

import { FieldListForm } from "@/components/forms/field-list-form";
import { signInAction } from "@/lib/actions/auth";

/** Email and password; on success the action goes on to `next` (same-site paths only). */
export function SignInForm({ next }: { next: string }) {
  return (
    <FieldListForm
      action={signInAction}
      hidden={{ next }}
      fields={[
        {
          name: "email",
          id: "sign-in-email",
          label: "Email",
          control: { type: "email", autoComplete: "username", required: true },
        },
        {
          name: "password",
          id: "sign-in-password",
          label: "Password",
          control: { type: "password", autoComplete: "current-password", required: true },
        },
      ]}
      label="Sign in"
      pendingLabel="Signing in…"
      refusalMessage={(fields) => `Sign-in failed: check the ${fields} marked below.`}
      className="flex flex-col gap-4"
    />
  );
}

"use client";

import { FieldListForm } from "@/components/forms/field-list-form";
import { createFirstAdminAction } from "@/lib/actions/auth";
import { PASSWORD_MIN } from "@/lib/schemas/user";

/** First run: the first admin's account; they are signed in at once. */
export function SetupForm() {
  return (
    <FieldListForm
      action={createFirstAdminAction}
      fields={[
        {
          name: "email",
          id: "setup-email",
          label: "Email",
          control: { type: "email", autoComplete: "username", required: true },
        },
        { name: "name", id: "setup-name", label: "Name", optional: true, control: { autoComplete: "name" } },
        {
          name: "password",
          id: "setup-password",
          label: "Password",
          hint: `At least ${PASSWORD_MIN} characters; a passphrase is best.`,
          control: { type: "password", autoComplete: "new-password", required: true },
        },
      ]}
      label="Create the first admin"
      pendingLabel="Creating…"
      className="flex flex-col gap-4"
    />
  );
}

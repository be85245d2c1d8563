"use client";

import Link from "next/link";
import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import { createUserAction } from "@/lib/actions/admin";
import { LIMITS } from "@/lib/schemas/common";
import { PASSWORD_MAX, PASSWORD_MIN, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/schemas/user";

const FIELDS: FieldSpec[][] = [
  [
    {
      name: "email",
      id: "new-user-email",
      label: "Email",
      hint: "They sign in with it.",
      control: { type: "email", required: true, maxLength: 254, autoComplete: "off", spellCheck: false },
    },
    {
      name: "name",
      id: "new-user-name",
      label: "Name",
      optional: true,
      hint: "Shown in the header and in history.",
      control: { maxLength: LIMITS.name, autoComplete: "off" },
    },
  ],
  [
    {
      name: "role",
      id: "new-user-role",
      label: "Role",
      hint: ROLES.map((r) => `${ROLE_LABELS[r]} ${ROLE_DESCRIPTIONS[r]}`).join("; ") + ".",
      options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })),
      initial: "viewer",
      control: { required: true },
    },
    {
      name: "password",
      id: "new-user-password",
      label: "Password",
      hint: `At least ${PASSWORD_MIN} characters. Give it to them privately.`,
      control: {
        type: "password",
        required: true,
        minLength: PASSWORD_MIN,
        maxLength: PASSWORD_MAX,
        autoComplete: "new-password",
      },
    },
  ],
];

/**
 * Creates a user who signs in with the email and password given here. A refusal keeps what was
 * typed, except the password, which never travels back into the page.
 */
export function NewUserForm() {
  return (
    <FieldListForm
      action={createUserAction}
      fields={FIELDS}
      label="Create user"
      pendingLabel="Creating…"
      statusId="new-user-status"
      success={({ message, data }) => (
        <>
          {message}{" "}
          <Link href={`/admin/users/${data.id}`} className="underline hover:no-underline">
            Open {data.email}
          </Link>{" "}
          to give them an API token.
        </>
      )}
      className="space-y-4"
    />
  );
}

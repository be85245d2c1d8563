"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createUserAction, type AdminActionState } from "@/app/admin/actions";
import { errorLinks, fieldError, refusalMessage } from "@/app/grievances/form-errors";
import { Button } from "@/components/ui/button";
import { Field, FormStatus, NativeSelect, TextInput } from "@/components/ui/field";
import { LIMITS } from "@/lib/schemas/common";
import { PASSWORD_MAX, PASSWORD_MIN, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/schemas/user";
import type { UserSummary } from "@/lib/schemas/user";

const IDS = {
  email: "new-user-email",
  name: "new-user-name",
  role: "new-user-role",
  password: "new-user-password",
} as const;

const ERROR_FIELDS = [
  { name: "email", id: IDS.email, label: "Email" },
  { name: "name", id: IDS.name, label: "Name" },
  { name: "role", id: IDS.role, label: "Role" },
  { name: "password", id: IDS.password, label: "Password" },
];

function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Creates a user who signs in with the email and password given here. A refusal keeps what was
 * typed, except the password, which never travels back into the page.
 */
export function NewUserForm() {
  const [state, formAction, pending] = useActionState<AdminActionState<UserSummary>, FormData>(createUserAction, {
    status: "idle",
  });
  const failed = state.status === "error" ? state : null;
  const created = state.status === "ok" ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  const links = errorLinks(errors, ERROR_FIELDS);
  const error = (name: string) => fieldError(errors, name);
  // A fresh set of controls for each refusal, so the defaults below are what the admin sees.
  const formKey = failed ? `${failed.code}-${JSON.stringify(values)}` : "initial";

  return (
    <div className="space-y-4">
      {/* Outside the keyed form, so the live region stays put and announces each answer. */}
      <FormStatus
        id="new-user-status"
        tone={created ? "success" : "error"}
        message={
          created ? (
            <>
              {created.message}{" "}
              <Link href={`/admin/users/${created.data.id}`} className="underline hover:no-underline">
                Open {created.data.email}
              </Link>{" "}
              to give them an API token.
            </>
          ) : failed ? (
            refusalMessage(failed.formError, links.length)
          ) : null
        }
        errors={links}
      />
      <form key={formKey} action={formAction} noValidate className="space-y-4" aria-describedby="new-user-status">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Email" htmlFor={IDS.email} error={error("email")} hint="They sign in with it.">
            <TextInput
              id={IDS.email}
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="off"
              spellCheck={false}
              defaultValue={asString(values.email)}
              hint
              invalid={Boolean(error("email"))}
            />
          </Field>
          <Field
            label="Name"
            htmlFor={IDS.name}
            error={error("name")}
            hint="Shown in the header and in history."
            optional
          >
            <TextInput
              id={IDS.name}
              name="name"
              maxLength={LIMITS.name}
              autoComplete="off"
              defaultValue={asString(values.name)}
              hint
              invalid={Boolean(error("name"))}
            />
          </Field>
          <Field
            label="Role"
            htmlFor={IDS.role}
            error={error("role")}
            hint={ROLES.map((r) => `${ROLE_LABELS[r]} ${ROLE_DESCRIPTIONS[r]}`).join("; ") + "."}
          >
            <NativeSelect
              id={IDS.role}
              name="role"
              required
              defaultValue={asString(values.role) || "viewer"}
              hint
              invalid={Boolean(error("role"))}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field
            label="Password"
            htmlFor={IDS.password}
            error={error("password")}
            hint={`At least ${PASSWORD_MIN} characters. Give it to them privately.`}
          >
            <TextInput
              id={IDS.password}
              name="password"
              type="password"
              required
              minLength={PASSWORD_MIN}
              maxLength={PASSWORD_MAX}
              autoComplete="new-password"
              hint
              invalid={Boolean(error("password"))}
            />
          </Field>
        </div>
        <div className="flex items-center gap-2">
          <Button type="submit" variant="primary" disabled={pending}>
            Create user
          </Button>
          {pending ? (
            <span className="text-sm text-slate-600" role="status">
              Creating…
            </span>
          ) : null}
        </div>
      </form>
    </div>
  );
}

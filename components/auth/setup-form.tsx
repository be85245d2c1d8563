"use client";

import { useActionState } from "react";
import { createFirstAdminAction, type SetupState } from "@/app/setup/actions";
import { Button } from "@/components/ui/button";
import { Field, FormStatus, TextInput } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/schemas/user";

const IDLE: SetupState = { status: "idle" };

export function SetupForm() {
  const [state, action, pending] = useActionState(createFirstAdminAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.values ?? {};
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormStatus message={state.status === "error" ? state.formError : undefined} />
      <Field label="Email" htmlFor="setup-email" error={errors.email}>
        <TextInput
          id="setup-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={text("email")}
          invalid={!!errors.email}
        />
      </Field>
      <Field label="Name" htmlFor="setup-name" optional error={errors.name}>
        <TextInput
          id="setup-name"
          name="name"
          autoComplete="name"
          defaultValue={text("name")}
          invalid={!!errors.name}
        />
      </Field>
      <Field
        label="Password"
        htmlFor="setup-password"
        hint={`At least ${PASSWORD_MIN} characters; a passphrase is best.`}
        error={errors.password}
      >
        <TextInput
          id="setup-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint
          invalid={!!errors.password}
        />
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Creating…" : "Create the first admin"}
      </Button>
    </form>
  );
}

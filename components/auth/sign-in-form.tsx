"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/sign-in/actions";
import { Button } from "@/components/ui/button";
import { Field, FormStatus, TextInput } from "@/components/ui/field";

const IDLE: SignInState = { status: "idle" };

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormStatus message={state.status === "error" ? state.formError : undefined} />
      <Field label="Email" htmlFor="sign-in-email" error={errors.email}>
        <TextInput
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          invalid={!!errors.email}
        />
      </Field>
      <Field label="Password" htmlFor="sign-in-password" error={errors.password}>
        <TextInput
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          invalid={!!errors.password}
        />
      </Field>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

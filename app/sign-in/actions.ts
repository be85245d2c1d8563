"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formDataToObject, formStateFromError, type FormState } from "@/lib/form-state";
import { signIn, signOut } from "@/lib/server/auth";

export type SignInState = FormState & { email?: string };

/** Only same-site paths: a `next` of "//evil.example" or "https://…" would be an open redirect. */
function safeNext(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : "/";
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const { next, ...body } = formDataToObject(formData);
  try {
    await signIn(body, await headers());
  } catch (error) {
    return { ...formStateFromError(error), email: typeof body.email === "string" ? body.email : undefined };
  }
  redirect(safeNext(next));
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}

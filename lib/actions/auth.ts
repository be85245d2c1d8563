"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/server/auth";
import { createFirstAdmin } from "@/lib/server/users";
import { formAction } from "./form-action";

// Sign-in, sign-out and the first run. These act before anyone is signed in: lib/server/auth
// throttles sign-in and lib/server/users refuses a second "first admin".

/** Only same-site paths: a `next` of "//evil.example" or "https://…" would be an open redirect. */
function safeNext(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : "/";
}

export const signInAction = formAction({
  secret: ["password"],
  run: async ({ input: { next, ...credentials } }) => {
    await signIn(credentials, await headers());
    return safeNext(next);
  },
  redirectTo: (next) => next,
});

/** First run: creates the first admin (once, ever) and signs them in. */
export const createFirstAdminAction = formAction({
  secret: ["password"],
  run: async ({ input }) => {
    await createFirstAdmin(input);
    await signIn({ email: input.email, password: input.password }, await headers());
  },
  redirectTo: () => "/",
});

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/sign-in");
}

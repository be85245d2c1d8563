"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNext } from "@/lib/safe-next";
import { signIn, signOut } from "@/lib/server/auth";
import { createFirstAdmin } from "@/lib/server/users";
import { formAction } from "./form-action";

// Sign-in, sign-out and the first run. These act before anyone is signed in: lib/server/auth
// throttles sign-in and lib/server/users refuses a second "first admin".

export const signInAction = formAction({
  secret: ["password"],
  run: async ({ input: { next, ...credentials } }) => {
    // Decided before the session exists: nothing after signIn may fail on a hostile `next`.
    const target = safeNext(next);
    await signIn(credentials, await headers());
    return target;
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

"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formDataToObject, formStateFromError, type FormState } from "@/lib/form-state";
import { signIn } from "@/lib/server/auth";
import { createFirstAdmin } from "@/lib/server/users";

export type SetupState = FormState & { values?: Record<string, unknown> };

/** First run: creates the first admin (once, ever) and signs them in. */
export async function createFirstAdminAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const body = formDataToObject(formData);
  try {
    await createFirstAdmin(body);
    await signIn({ email: body.email, password: body.password }, await headers());
  } catch (error) {
    const { password: _password, ...values } = body;
    return { ...formStateFromError(error), values };
  }
  redirect("/");
}

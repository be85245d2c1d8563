"use server";

import { revalidatePath } from "next/cache";
import { formDataToObject, formStateFromError, type FormState } from "@/lib/form-state";
import { currentActor } from "@/lib/server/session";
import { createApiToken, revokeApiToken, type ApiTokenSummary } from "@/lib/server/tokens";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  revokeUserSessions,
  type UserSummary,
} from "@/lib/server/users";

// Public POST endpoints for the admin forms. Ids posted in hidden fields are passed to lib/server
// as they come: it authorizes the actor (admins only) and checks that the user or token exists.

export type AdminFormValues = Record<string, unknown>;
/** A form's state; a refusal carries back what was typed (never a password) for the form to show again. */
export type AdminActionState<T = unknown> = FormState<T> & { values?: AdminFormValues };
export type CreatedToken = { token: string; summary: ApiTokenSummary };


function revalidateUsers(): void {
  revalidatePath("/admin/users");
  // Every user page: the id comes from the form, so it does not choose what is revalidated.
  revalidatePath("/admin/users/[id]", "page");
}

/** Splits an id posted in a hidden field from the body that goes to the schema (strict objects refuse extra keys). */
function idAndBody(formData: FormData, key: "userId" | "tokenId"): { id: string; body: AdminFormValues } {
  const { [key]: id, ...body } = formDataToObject(formData);
  return { id: typeof id === "string" ? id : "", body };
}

/** The new-user form: email, name?, role, password. */
export async function createUserAction(
  _previous: AdminActionState<UserSummary>,
  formData: FormData,
): Promise<AdminActionState<UserSummary>> {
  const actor = await currentActor();
  const body = formDataToObject(formData);
  let user: UserSummary;
  try {
    user = await createUser(actor, body);
  } catch (error) {
    const values = { ...body };
    delete values.password;
    return { ...formStateFromError(error), values };
  }
  revalidateUsers();
  return { status: "ok", data: user, message: `Created ${user.email}. They can sign in now.` };
}

/** The role select of a user: userId, role. */
export async function changeUserRoleAction(
  _previous: AdminActionState<UserSummary>,
  formData: FormData,
): Promise<AdminActionState<UserSummary>> {
  const actor = await currentActor();
  const { id, body } = idAndBody(formData, "userId");
  let user: UserSummary;
  try {
    user = await changeUserRole(actor, id, body);
  } catch (error) {
    return { ...formStateFromError(error), values: body };
  }
  revalidateUsers();
  return { status: "ok", data: user, message: "Role saved." };
}

/** Deactivates a user (userId): they cannot sign in, and their sessions and tokens stop working. */
export async function deactivateUserAction(
  _previous: AdminActionState<UserSummary>,
  formData: FormData,
): Promise<AdminActionState<UserSummary>> {
  const actor = await currentActor();
  const { id } = idAndBody(formData, "userId");
  let user: UserSummary;
  try {
    user = await deactivateUser(actor, id);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidateUsers();
  return { status: "ok", data: user, message: "Deactivated; their sessions and tokens are revoked." };
}

/** Lets a deactivated user (userId) sign in again; revoked tokens stay revoked. */
export async function reactivateUserAction(
  _previous: AdminActionState<UserSummary>,
  formData: FormData,
): Promise<AdminActionState<UserSummary>> {
  const actor = await currentActor();
  const { id } = idAndBody(formData, "userId");
  let user: UserSummary;
  try {
    user = await reactivateUser(actor, id);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidateUsers();
  return { status: "ok", data: user, message: "Reactivated: they can sign in again." };
}

/** Ends every session of a user (userId) without deactivating them. */
export async function revokeUserSessionsAction(
  _previous: AdminActionState<null>,
  formData: FormData,
): Promise<AdminActionState<null>> {
  const actor = await currentActor();
  const { id } = idAndBody(formData, "userId");
  try {
    await revokeUserSessions(actor, id);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidateUsers();
  return { status: "ok", data: null, message: "Signed out everywhere." };
}

/**
 * Creates an API token for a user (userId, name). The token is in the answer and nowhere else:
 * the form shows it once; the database keeps only its hash.
 */
export async function createApiTokenAction(
  _previous: AdminActionState<CreatedToken>,
  formData: FormData,
): Promise<AdminActionState<CreatedToken>> {
  const actor = await currentActor();
  const { id, body } = idAndBody(formData, "userId");
  let created: CreatedToken;
  try {
    created = await createApiToken(actor, id, body);
  } catch (error) {
    return { ...formStateFromError(error), values: body };
  }
  revalidateUsers();
  return { status: "ok", data: created, message: `Created token “${created.summary.name}”.` };
}

/** Revokes one API token (tokenId), for good. */
export async function revokeApiTokenAction(
  _previous: AdminActionState<null>,
  formData: FormData,
): Promise<AdminActionState<null>> {
  const actor = await currentActor();
  const { id } = idAndBody(formData, "tokenId");
  try {
    await revokeApiToken(actor, id);
  } catch (error) {
    return formStateFromError(error);
  }
  revalidateUsers();
  return { status: "ok", data: null, message: "Token revoked." };
}

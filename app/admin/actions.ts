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

/**
 * The shape every admin action shares: the actor, an id from a hidden field, one lib/server call,
 * a refusal as form state (with what was typed, if `keepValues`), revalidation, a message.
 */
async function runAdminAction<T>(
  formData: FormData,
  key: "userId" | "tokenId",
  run: (actor: Awaited<ReturnType<typeof currentActor>>, id: string, body: AdminFormValues) => Promise<T>,
  message: (result: T) => string,
  keepValues = false,
): Promise<AdminActionState<T>> {
  const actor = await currentActor();
  const { id, body } = idAndBody(formData, key);
  let result: T;
  try {
    result = await run(actor, id, body);
  } catch (error) {
    return keepValues ? { ...formStateFromError(error), values: body } : formStateFromError(error);
  }
  revalidateUsers();
  return { status: "ok", data: result, message: message(result) };
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
  return runAdminAction(
    formData,
    "userId",
    (actor, id, body) => changeUserRole(actor, id, body),
    () => "Role saved.",
    true,
  );
}

/** Deactivates a user (userId): they cannot sign in, and their sessions and tokens stop working. */
export async function deactivateUserAction(
  _previous: AdminActionState<UserSummary>,
  formData: FormData,
): Promise<AdminActionState<UserSummary>> {
  return runAdminAction(
    formData,
    "userId",
    (actor, id) => deactivateUser(actor, id),
    () => "Deactivated; their sessions and tokens are revoked.",
  );
}

/** Lets a deactivated user (userId) sign in again; revoked tokens stay revoked. */
export async function reactivateUserAction(
  _previous: AdminActionState<UserSummary>,
  formData: FormData,
): Promise<AdminActionState<UserSummary>> {
  return runAdminAction(
    formData,
    "userId",
    (actor, id) => reactivateUser(actor, id),
    () => "Reactivated: they can sign in again.",
  );
}

/** Ends every session of a user (userId) without deactivating them. */
export async function revokeUserSessionsAction(
  _previous: AdminActionState<null>,
  formData: FormData,
): Promise<AdminActionState<null>> {
  return runAdminAction(
    formData,
    "userId",
    async (actor, id) => (await revokeUserSessions(actor, id), null),
    () => "Signed out everywhere.",
  );
}

/**
 * Creates an API token for a user (userId, name). The token is in the answer and nowhere else:
 * the form shows it once; the database keeps only its hash.
 */
export async function createApiTokenAction(
  _previous: AdminActionState<CreatedToken>,
  formData: FormData,
): Promise<AdminActionState<CreatedToken>> {
  return runAdminAction(
    formData,
    "userId",
    (actor, id, body) => createApiToken(actor, id, body),
    (created) => `Created token “${created.summary.name}”.`,
    true,
  );
}

/** Revokes one API token (tokenId), for good. */
export async function revokeApiTokenAction(
  _previous: AdminActionState<null>,
  formData: FormData,
): Promise<AdminActionState<null>> {
  return runAdminAction(
    formData,
    "tokenId",
    async (actor, id) => (await revokeApiToken(actor, id), null),
    () => "Token revoked.",
  );
}

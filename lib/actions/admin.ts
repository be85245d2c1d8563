"use server";

import { createApiToken, revokeApiToken } from "@/lib/server/tokens";
import { changeUserRole, createUser, deactivateUser, reactivateUser, revokeUserSessions } from "@/lib/server/users";
import { formAction } from "./form-action";

// The admin forms' server actions. The user or token id comes from the hidden `id` field and goes
// to lib/server as it is: it authorizes the actor (admins only) and checks that the record exists.

function userPaths() {
  // Every user page: the id comes from the form, so it does not choose what is revalidated.
  return ["/admin/users", ["/admin/users/[id]", "page"]] as const;
}

/** The new-user form: email, name?, role, password. */
export const createUserAction = formAction({
  secret: ["password"],
  run: ({ actor, input }) => createUser(actor, input),
  revalidate: userPaths,
  message: (user) => `Created ${user.email}. They can sign in now.`,
});

/** The role select of a user. */
export const changeUserRoleAction = formAction({
  run: ({ actor, id, input }) => changeUserRole(actor, id, input),
  revalidate: userPaths,
  message: () => "Role saved.",
});

/** Deactivates a user: they cannot sign in, and their sessions and tokens stop working. */
export const deactivateUserAction = formAction({
  run: ({ actor, id }) => deactivateUser(actor, id),
  revalidate: userPaths,
  message: () => "Deactivated; their sessions and tokens are revoked.",
});

/** Lets a deactivated user sign in again; revoked tokens stay revoked. */
export const reactivateUserAction = formAction({
  run: ({ actor, id }) => reactivateUser(actor, id),
  revalidate: userPaths,
  message: () => "Reactivated: they can sign in again.",
});

/** Ends every session of a user without deactivating them. */
export const revokeUserSessionsAction = formAction({
  run: async ({ actor, id }) => {
    await revokeUserSessions(actor, id);
    return null;
  },
  revalidate: userPaths,
  message: () => "Signed out everywhere.",
});

/**
 * Creates an API token for a user (name). The token is in the answer and nowhere else: the form
 * shows it once; the database keeps only its hash.
 */
export const createApiTokenAction = formAction({
  run: ({ actor, id, input }) => createApiToken(actor, id, input),
  revalidate: userPaths,
  message: (created) => `Created token “${created.summary.name}”.`,
});

/** Revokes one API token, for good. */
export const revokeApiTokenAction = formAction({
  run: async ({ actor, id }) => {
    await revokeApiToken(actor, id);
    return null;
  },
  revalidate: userPaths,
  message: () => "Token revoked.",
});

import "server-only";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/schemas/user";

/** Who is asking: a signed-in user, a token's user, or the app itself (the seed, scripts). */
export type Actor =
  { kind: "user"; id: string; name: string; email: string; role: Role; via: "session" | "token" } | { kind: "system" };

/** The seed and maintenance scripts act as the system: full rights, no name in the history. */
export const SYSTEM: Actor = { kind: "system" };

const RANK: Record<Role, number> = { viewer: 1, analyst: 2, admin: 3 };

/** What each role may do. Reads need a viewer; writes an analyst; users, tokens and deletion an admin. */
export const PERMISSIONS = {
  read: "viewer",
  write: "analyst",
  admin: "admin",
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.kind === "system") return true;
  return RANK[actor.role] >= RANK[PERMISSIONS[permission]];
}

/**
 * The check every lib/server function makes before it touches data: no actor is 401, too
 * little a role is 403. Pages, server actions and route handlers all pass through here, so no
 * adapter can forget it.
 */
export function authorize(actor: Actor | null | undefined, permission: Permission): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first");
  if (!can(actor, permission)) {
    throw new AppError("FORBIDDEN", `This needs the ${PERMISSIONS[permission]} role or higher`);
  }
  return actor;
}

/** The user id to record in history rows; null for the system. */
export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actorFromHeaders } from "./auth";
import type { Actor } from "./authz";
import { needsFirstAdmin } from "./users";

/** The actor of the current request (page, server action), or null when nobody is signed in. */
export async function currentActor(): Promise<Actor | null> {
  return actorFromHeaders(await headers());
}

/**
 * For pages: the signed-in actor, or a redirect to sign in, or, while no user exists, to create
 * the first admin. Pages still pass the actor on: lib/server decides what it may see.
 */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  redirect((await needsFirstAdmin()) ? "/setup" : "/sign-in");
}

import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { PATH_HEADER } from "@/lib/request-trust";
import { signInPath } from "@/lib/safe-next";
import { actorFromHeaders } from "./auth";
import type { Actor } from "./authz";
import { needsFirstAdmin } from "./users";

/**
 * The actor of the current request (page, server action), or null when nobody is signed in.
 * Cached per request: the header, the page and its forms all ask, and each ask is a session read.
 */
export const currentActor = cache(async (): Promise<Actor | null> => actorFromHeaders(await headers()));

/**
 * For pages: the signed-in actor, or a redirect to sign in (which comes back to the page asked
 * for, so a shared link survives signing in), or, while no user exists, to create the first
 * admin. Pages still pass the actor on: lib/server decides what it may see.
 */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if (await needsFirstAdmin()) redirect("/setup");
  // Next does not tell a page its own path; scripts/serve.mjs passes it on in PATH_HEADER.
  redirect(signInPath((await headers()).get(PATH_HEADER)));
}

import { beforeEach, describe, expect, it, vi } from "vitest";
import { PATH_HEADER } from "@/lib/request-trust";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createApiToken } from "@/lib/server/tokens";
import { createUser } from "@/lib/server/users";

// lib/server/session.ts: what a page gets for the request in front of it. Next's request headers
// and redirect() exist only inside a request, so they are stood in for here; the session store,
// the tokens and the users are the real ones, in this file's database.

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

const { currentActor, requirePageActor } = await import("@/lib/server/session");

/** Where requirePageActor sends the request, or the actor it lets through. */
async function pageOutcome() {
  return requirePageActor().catch((error: unknown) => {
    if (error instanceof Redirect) return { redirectedTo: error.url };
    throw error;
  });
}

beforeEach(() => {
  requestHeaders = new Headers();
});

describe("before the first user exists", () => {
  it("a page sends the visitor to create the first admin, not to sign in", async () => {
    requestHeaders.set(PATH_HEADER, "/grievances");
    expect(await pageOutcome()).toEqual({ redirectedTo: "/setup" });
    expect(await currentActor()).toBeNull();
  });
});

describe("once users exist", () => {
  let token: string;
  let userId: string;

  beforeEach(async () => {
    if (token) return;
    const user = await createUser(SYSTEM, {
      email: "session-analyst@example.org",
      role: "analyst",
      password: "a long enough password",
      name: "Session Analyst",
    });
    userId = user.id;
    token = (await createApiToken(SYSTEM, user.id, { name: "session test" })).token;
  });

  it("a signed-out visit goes to sign in, and comes back to the page it asked for", async () => {
    requestHeaders.set(PATH_HEADER, "/grievances?party=ru&status=OPEN");
    expect(await pageOutcome()).toEqual({
      redirectedTo: `/sign-in?next=${encodeURIComponent("/grievances?party=ru&status=OPEN")}`,
    });
  });

  it("a signed-out visit with no known path goes to the plain sign-in page", async () => {
    expect(await pageOutcome()).toEqual({ redirectedTo: "/sign-in" });
  });

  it("a valid credential is the page's actor, as the request's current actor", async () => {
    requestHeaders.set("authorization", `Bearer ${token}`);
    const expected = { kind: "user", id: userId, role: "analyst", email: "session-analyst@example.org", via: "token" };
    expect(await pageOutcome()).toMatchObject(expected);
    expect(await currentActor()).toMatchObject(expected);
  });

  it("a deactivated user's credential lets nobody through", async () => {
    requestHeaders.set("authorization", `Bearer ${token}`);
    requestHeaders.set(PATH_HEADER, "/meetings");
    const db = await getDb();
    await db.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    expect(await currentActor()).toBeNull();
    expect(await pageOutcome()).toEqual({ redirectedTo: `/sign-in?next=${encodeURIComponent("/meetings")}` });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { actorFromHeaders, getAuth, signIn } from "@/lib/server/auth";
import { SYSTEM } from "@/lib/server/authz";
import { createApiToken, revokeApiToken } from "@/lib/server/tokens";
import { changeUserRole, createFirstAdmin, createUser, deactivateUser, needsFirstAdmin } from "@/lib/server/users";

const PASSWORD = "correct horse battery staple";

/** Signs in through Better Auth and returns the Cookie header a browser would send back. */
async function sessionCookie(email: string, password = PASSWORD): Promise<string> {
  const auth = await getAuth();
  const { headers } = await auth.api.signInEmail({
    body: { email, password },
    headers: new Headers(),
    returnHeaders: true,
  });
  const setCookie = headers.getSetCookie();
  expect(setCookie.join()).toMatch(/HttpOnly/i);
  expect(setCookie.join()).toMatch(/SameSite=Lax/i);
  return setCookie.map((c) => c.split(";")[0]).join("; ");
}

describe("users and sessions", () => {
  beforeAll(async () => {
    expect(await needsFirstAdmin()).toBe(true);
    await createFirstAdmin({ email: "Admin@Example.org", password: PASSWORD });
  });

  it("creates the first admin once, and never again", async () => {
    expect(await needsFirstAdmin()).toBe(false);
    await expect(createFirstAdmin({ email: "second@example.org", password: PASSWORD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("stores the password as argon2id at OWASP's parameters", async () => {
    const db = await getDb();
    const account = await db.account.findFirstOrThrow({ where: { user: { email: "admin@example.org" } } });
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("signs in with a session stored in the database, and reads the actor back from the cookie", async () => {
    const cookie = await sessionCookie("admin@example.org");
    const actor = await actorFromHeaders(new Headers({ cookie }));
    expect(actor).toMatchObject({ kind: "user", email: "admin@example.org", role: "admin", via: "session" });
    const db = await getDb();
    expect(await db.session.count({ where: { user: { email: "admin@example.org" } } })).toBeGreaterThan(0);
  });

  it("refuses a wrong password and throttles repeated attempts per email", async () => {
    await createUser(SYSTEM, { email: "target@example.org", role: "viewer", password: PASSWORD });
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    for (let i = 0; i < 5; i++) {
      await expect(signIn({ email: "target@example.org", password: "wrong password!" }, headers)).rejects.toMatchObject(
        { code: "UNAUTHENTICATED" },
      );
    }
    await expect(signIn({ email: "target@example.org", password: PASSWORD }, headers)).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("deactivating a user ends their sessions and tokens at once, and they cannot sign in", async () => {
    const user = await createUser(SYSTEM, { email: "leaver@example.org", role: "analyst", password: PASSWORD });
    const cookie = await sessionCookie("leaver@example.org");
    const { token } = await createApiToken(SYSTEM, user.id, { name: "script" });
    expect(await actorFromHeaders(new Headers({ authorization: `Bearer ${token}` }))).toMatchObject({
      role: "analyst",
      via: "token",
    });
    await deactivateUser(SYSTEM, user.id);
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
    expect(await actorFromHeaders(new Headers({ authorization: `Bearer ${token}` }))).toBeNull();
    await expect(signIn({ email: "leaver@example.org", password: PASSWORD }, new Headers())).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("stores tokens hashed, and a revoked token stops working", async () => {
    const user = await createUser(SYSTEM, { email: "script@example.org", role: "viewer", password: PASSWORD });
    const { token, summary } = await createApiToken(SYSTEM, user.id, { name: "ci" });
    const db = await getDb();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    await revokeApiToken(SYSTEM, summary.id);
    expect(await actorFromHeaders(new Headers({ authorization: `Bearer ${token}` }))).toBeNull();
  });

  it("keeps at least one active admin", async () => {
    const db = await getDb();
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.org" } });
    await expect(changeUserRole(SYSTEM, admin.id, { role: "viewer" })).rejects.toMatchObject({
      issues: [{ path: "role" }],
    });
  });
});

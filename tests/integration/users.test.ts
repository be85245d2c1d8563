import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createApiToken, revokeApiToken } from "@/lib/server/tokens";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  findUserIdByEmail,
  getUserOrThrow,
  listUsers,
  reactivateUser,
  revokeUserSessions,
} from "@/lib/server/users";
import { userActor } from "@/tests/support/factories";
import { fingerprint } from "@/tests/support/fingerprint";

// lib/server/users.ts: the admin's user management. Each refusal leaves every row as it was
// (tests/support/fingerprint.ts), the users, their roles, sessions and tokens among them.

const PASSWORD = "a long enough password";
let n = 0;
const email = (what: string) => `${what}-${++n}@example.org`;

async function make(role: "viewer" | "analyst" | "admin", name?: string) {
  return createUser(SYSTEM, { email: email(role), role, password: PASSWORD, ...(name ? { name } : {}) });
}

async function addSession(userId: string, expiresAt: Date) {
  const db = await getDb();
  await db.session.create({ data: { id: randomUUID(), token: randomUUID(), userId, expiresAt } });
}

const hour = 60 * 60 * 1000;

/** An admin user: the calls that succeed are made as one, since the system passes any check. */
const ADMIN = userActor("admin");
const userNotFound = { code: "NOT_FOUND", message: "User was not found" };

describe("createUser", () => {
  it("names a user after their email when no name is given, with no sessions or tokens yet", async () => {
    const address = email("nameless");
    const user = await createUser(SYSTEM, { email: address, role: "viewer", password: PASSWORD });
    expect(user).toMatchObject({
      email: address,
      name: address.split("@")[0],
      role: "viewer",
      deactivatedAt: null,
      activeSessions: 0,
      activeTokens: 0,
    });
    expect(new Date(user.createdAt).toISOString()).toBe(user.createdAt);
    const named = await make("analyst", "Named Analyst");
    expect(named.name).toBe("Named Analyst");
    const account = await (await getDb()).account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account).toMatchObject({ providerId: "credential", accountId: user.id });
    expect(account.password).toMatch(/^\$argon2id\$/);
  });

  it("refuses a taken email naming the field, and a non-admin, writing nothing", async () => {
    const taken = await make("viewer");
    const before = await fingerprint();
    await expect(createUser(SYSTEM, { email: taken.email, role: "admin", password: PASSWORD })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "email", message: "A user with this email exists" }],
    });
    await expect(
      createUser(userActor("analyst"), { email: email("refused"), role: "admin", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("a user's summary", () => {
  it("counts the sessions not yet expired and the tokens not revoked", async () => {
    const user = await make("analyst");
    await addSession(user.id, new Date(Date.now() + hour));
    await addSession(user.id, new Date(Date.now() + 2 * hour));
    await addSession(user.id, new Date(Date.now() - hour));
    await createApiToken(SYSTEM, user.id, { name: "kept" });
    const revoked = await createApiToken(SYSTEM, user.id, { name: "revoked" });
    await revokeApiToken(SYSTEM, revoked.summary.id);
    expect(await getUserOrThrow(ADMIN, user.id)).toMatchObject({ activeSessions: 2, activeTokens: 1 });
  });

  it("is for admins; an unknown user is not found", async () => {
    const user = await make("viewer");
    await expect(getUserOrThrow(userActor("analyst"), user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUserOrThrow(SYSTEM, "no-such-user")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "User was not found",
    });
  });
});

describe("listUsers and findUserIdByEmail", () => {
  it("lists every user by email, for admins only", async () => {
    await make("viewer");
    await make("admin");
    const users = await listUsers(ADMIN);
    const emails = users.map((u) => u.email);
    expect(emails).toEqual([...emails].sort());
    expect(users.length).toBe(await (await getDb()).user.count());
    await expect(listUsers(userActor("analyst"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("finds a user by an email typed with spaces and capitals; an unknown one is not found", async () => {
    const user = await make("viewer");
    expect(await findUserIdByEmail(ADMIN, `  ${user.email.toUpperCase()} `)).toBe(user.id);
    await expect(findUserIdByEmail(SYSTEM, "nobody@example.org")).rejects.toMatchObject(userNotFound);
    await expect(findUserIdByEmail(userActor("analyst"), user.email)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or deactivated; a deactivated admin does not count as another", async () => {
    const db = await getDb();
    // Only the admins made here are active: any earlier ones step aside for this test.
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });
    const last = await make("admin");
    const dormant = await make("admin");
    await deactivateUser(SYSTEM, dormant.id);
    const before = await fingerprint();
    for (const refused of [
      () => changeUserRole(SYSTEM, last.id, { role: "analyst" }),
      () => deactivateUser(SYSTEM, last.id),
    ]) {
      await expect(refused()).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "role", message: "The last active admin must stay an admin" }],
      });
    }
    expect(await fingerprint()).toEqual(before);
    // Only an admin's demotion needs another admin: anyone else's role still changes.
    const viewer = await make("viewer");
    expect((await changeUserRole(SYSTEM, viewer.id, { role: "analyst" })).role).toBe("analyst");
    // Keeping the role is no demotion, and with a second active admin either change is allowed.
    expect((await changeUserRole(SYSTEM, last.id, { role: "admin" })).role).toBe("admin");
    await reactivateUser(SYSTEM, dormant.id);
    expect((await changeUserRole(SYSTEM, last.id, { role: "viewer" })).role).toBe("viewer");
    const third = await make("admin");
    expect((await deactivateUser(SYSTEM, third.id)).deactivatedAt).not.toBeNull();
  });
});

describe("changeUserRole", () => {
  it("changes a role; an unknown user is not found; a non-admin is refused, changing nothing", async () => {
    const user = await make("viewer");
    expect(await changeUserRole(ADMIN, user.id, { role: "analyst" })).toMatchObject({ id: user.id, role: "analyst" });
    await expect(changeUserRole(SYSTEM, "no-such-user", { role: "analyst" })).rejects.toMatchObject(userNotFound);
    const before = await fingerprint();
    await expect(changeUserRole(userActor("analyst"), user.id, { role: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("deactivateUser and reactivateUser", () => {
  it("deactivating ends the user's sessions and tokens only; doing it again keeps the first date", async () => {
    const user = await make("analyst");
    const other = await make("analyst");
    await addSession(user.id, new Date(Date.now() + hour));
    await addSession(other.id, new Date(Date.now() + hour));
    await createApiToken(SYSTEM, user.id, { name: "theirs" });
    await createApiToken(SYSTEM, other.id, { name: "another's" });
    const done = await deactivateUser(ADMIN, user.id);
    expect(done).toMatchObject({ activeSessions: 0, activeTokens: 0 });
    expect(done.deactivatedAt).not.toBeNull();
    expect(await getUserOrThrow(SYSTEM, other.id)).toMatchObject({
      activeSessions: 1,
      activeTokens: 1,
      deactivatedAt: null,
    });
    const again = await deactivateUser(SYSTEM, user.id);
    expect(again.deactivatedAt).toBe(done.deactivatedAt);
    const back = await reactivateUser(ADMIN, user.id);
    expect(back.deactivatedAt).toBeNull();
  });

  it("an unknown user is not found, and a non-admin is refused, changing nothing", async () => {
    const user = await make("analyst");
    await addSession(user.id, new Date(Date.now() + hour));
    await expect(deactivateUser(SYSTEM, "no-such-user")).rejects.toMatchObject(userNotFound);
    await expect(reactivateUser(SYSTEM, "no-such-user")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "User was not found",
    });
    const before = await fingerprint();
    await expect(deactivateUser(userActor("analyst"), user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reactivateUser(userActor("viewer"), user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeUserSessions(userActor("analyst"), user.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("revokeUserSessions", () => {
  it("signs one user out everywhere, leaving them active, their tokens and everyone else's sessions", async () => {
    const user = await make("analyst");
    const other = await make("viewer");
    await addSession(user.id, new Date(Date.now() + hour));
    await addSession(user.id, new Date(Date.now() + hour));
    await addSession(other.id, new Date(Date.now() + hour));
    await createApiToken(SYSTEM, user.id, { name: "kept" });
    await revokeUserSessions(ADMIN, user.id);
    expect(await getUserOrThrow(SYSTEM, user.id)).toMatchObject({
      activeSessions: 0,
      activeTokens: 1,
      deactivatedAt: null,
    });
    expect((await getUserOrThrow(SYSTEM, other.id)).activeSessions).toBe(1);
  });
});

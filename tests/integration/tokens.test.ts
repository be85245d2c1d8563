import { createHash } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/server/authz";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { actorFromBearer, createApiToken, listApiTokens, revokeApiToken } from "@/lib/server/tokens";
import { createUser, deactivateUser } from "@/lib/server/users";

// API tokens (lib/server/tokens.ts) on their own: what a new token looks like and what is stored
// of it, who may make, list and revoke them, which bearer strings act as the user, and how often a
// use is recorded.

const PASSWORD = "correct horse battery staple";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let ownerId: string;
let otherId: string;
const admin: Actor = {
  kind: "user",
  id: "y",
  name: "An Admin",
  email: "ad@example.org",
  role: "admin",
  via: "session",
};
const analyst: Actor = {
  kind: "user",
  id: "x",
  name: "An Analyst",
  email: "a@example.org",
  role: "analyst",
  via: "session",
};

beforeAll(async () => {
  ownerId = (
    await createUser(SYSTEM, { email: "owner@example.org", name: "Token Owner", role: "analyst", password: PASSWORD })
  ).id;
  otherId = (await createUser(SYSTEM, { email: "other@example.org", role: "viewer", password: PASSWORD })).id;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("createApiToken", () => {
  it("returns the token once and stores only its SHA-256 and its first characters", async () => {
    const { token, summary } = await createApiToken(SYSTEM, ownerId, { name: "ci" });
    // "bc_" and 32 random bytes in base64url.
    expect(token).toMatch(/^bc_[A-Za-z0-9_-]{43}$/);
    expect(summary).toEqual({
      id: expect.any(String),
      name: "ci",
      prefix: token.slice(0, 9),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      lastUsedAt: null,
      revokedAt: null,
    });
    const db = await getDb();
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    expect(row).toMatchObject({ userId: ownerId, name: "ci", prefix: token.slice(0, 9), tokenHash: sha256(token) });
    expect(new Date(summary.createdAt).getTime()).toBe(row.createdAt.getTime());
    const again = await createApiToken(SYSTEM, ownerId, { name: "ci" });
    expect(again.token).not.toBe(token);
  });

  it("is for admins only, for a user who exists and is active, with a name", async () => {
    await expect(createApiToken(analyst, ownerId, { name: "mine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the admin role or higher",
    });
    expect((await createApiToken(admin, ownerId, { name: "an admin's" })).summary.name).toBe("an admin's");
    await expect(createApiToken(SYSTEM, "no-such-user", { name: "ci" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "User was not found",
    });
    await expect(createApiToken(SYSTEM, ownerId, { name: "" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const leaver = await createUser(SYSTEM, { email: "leaver@example.org", role: "viewer", password: PASSWORD });
    await deactivateUser(SYSTEM, leaver.id);
    await expect(createApiToken(SYSTEM, leaver.id, { name: "ci" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "userId", message: "Reactivate the user before giving them a token" }],
    });
    const db = await getDb();
    expect(await db.apiToken.count({ where: { userId: leaver.id } })).toBe(0);
  });
});

describe("listApiTokens and revokeApiToken", () => {
  it("lists one user's tokens, newest first, with when each was used and revoked", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T10:00:00.000Z"));
    const first = await createApiToken(SYSTEM, otherId, { name: "first" });
    vi.setSystemTime(new Date("2026-06-01T11:00:00.000Z"));
    const second = await createApiToken(SYSTEM, otherId, { name: "second" });
    await createApiToken(SYSTEM, ownerId, { name: "someone else's" });
    vi.setSystemTime(new Date("2026-06-01T12:00:00.000Z"));
    await actorFromBearer(first.token);
    vi.setSystemTime(new Date("2026-06-01T13:00:00.000Z"));
    await revokeApiToken(SYSTEM, first.summary.id);
    // Revoking again keeps the first revocation's time.
    vi.setSystemTime(new Date("2026-06-01T14:00:00.000Z"));
    await revokeApiToken(SYSTEM, first.summary.id);

    expect(await listApiTokens(SYSTEM, otherId)).toEqual([
      { ...second.summary, createdAt: "2026-06-01T11:00:00.000Z", lastUsedAt: null, revokedAt: null },
      {
        ...first.summary,
        createdAt: "2026-06-01T10:00:00.000Z",
        lastUsedAt: "2026-06-01T12:00:00.000Z",
        revokedAt: "2026-06-01T13:00:00.000Z",
      },
    ]);
    expect(await actorFromBearer(first.token)).toBeNull();
  });

  it("are for admins only; revoking an unknown token is not found", async () => {
    const { summary } = await createApiToken(SYSTEM, otherId, { name: "kept" });
    await expect(listApiTokens(analyst, otherId)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the admin role or higher",
    });
    expect((await listApiTokens(admin, otherId)).map((t) => t.name)).toContain("kept");
    await expect(listApiTokens(null, otherId)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(revokeApiToken(analyst, summary.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeApiToken(SYSTEM, "no-such-token")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Token was not found",
    });
    const db = await getDb();
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).toMatchObject({ revokedAt: null });
    await revokeApiToken(admin, summary.id);
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
  });
});

describe("actorFromBearer", () => {
  it("acts as the token's user, by token", async () => {
    const { token } = await createApiToken(SYSTEM, ownerId, { name: "script" });
    expect(await actorFromBearer(token)).toEqual({
      kind: "user",
      id: ownerId,
      name: "Token Owner",
      email: "owner@example.org",
      role: "analyst",
      via: "token",
    });
    expect(await actorFromBearer(token.slice(0, -1))).toBeNull();
    expect(await actorFromBearer(`${token}x`)).toBeNull();
  });

  it("looks up only strings with the prefix and at most 200 characters", async () => {
    const db = await getDb();
    // Rows no createApiToken would make, so only the checks before the lookup refuse them.
    const stored = async (token: string) => {
      await db.apiToken.create({
        data: { userId: ownerId, name: "raw", tokenHash: sha256(token), prefix: token.slice(0, 9) },
      });
      return token;
    };
    expect(await actorFromBearer(await stored("xx_no-prefix-but-stored"))).toBeNull();
    expect(await actorFromBearer(await stored(`bc_${"a".repeat(198)}`))).toBeNull(); // 201 characters
    expect(await actorFromBearer(await stored(`bc_${"b".repeat(197)}`))).toMatchObject({ id: ownerId }); // 200
  });

  it("refuses a revoked token and a deactivated user's", async () => {
    const { token, summary } = await createApiToken(SYSTEM, otherId, { name: "script" });
    await revokeApiToken(SYSTEM, summary.id);
    expect(await actorFromBearer(token)).toBeNull();
    const user = await createUser(SYSTEM, { email: "gone@example.org", role: "viewer", password: PASSWORD });
    const held = await createApiToken(SYSTEM, user.id, { name: "script" });
    const db = await getDb();
    // Deactivated directly, so the token itself stays unrevoked.
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await actorFromBearer(held.token)).toBeNull();
  });

  it("records a use at most once a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = new Date("2026-07-01T10:00:00.000Z").getTime();
    vi.setSystemTime(t0);
    const { token, summary } = await createApiToken(SYSTEM, otherId, { name: "busy" });
    const db = await getDb();
    const lastUsed = async () =>
      (await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).lastUsedAt?.toISOString() ?? null;
    await actorFromBearer(token);
    expect(await lastUsed()).toBe("2026-07-01T10:00:00.000Z");
    vi.setSystemTime(t0 + 60_000);
    await actorFromBearer(token);
    expect(await lastUsed()).toBe("2026-07-01T10:00:00.000Z");
    vi.setSystemTime(t0 + 60_001);
    await actorFromBearer(token);
    expect(await lastUsed()).toBe("2026-07-01T10:01:00.001Z");
  });
});

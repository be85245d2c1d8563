import { createHmac } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PEER_HEADER } from "@/lib/request-trust";
import { getDb } from "@/lib/server/db";
import { actorFromHeaders, getAuth, passwordHashing, SIGN_IN_LIMITS, signIn, signOut } from "@/lib/server/auth";
import { SYSTEM } from "@/lib/server/authz";
import { LONGEST_WINDOW_SECONDS, hit, purgeExpired } from "@/lib/server/rate-limit";
import { sharedSecret } from "@/lib/server/secrets";
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

/**
 * Drops the Better Auth instances getAuth keeps for the process (and signIn's dummy hash), so the
 * next call builds them again from lib/server/auth.ts inside the test that asks: each test of the
 * configuration then checks an instance made under its own eyes, not one an earlier test made.
 * Sessions and cookies carry over, as between two app instances: the secret is in the database.
 */
function dropCachedAuth(): void {
  const cache = globalThis as unknown as { backchannelAuth?: unknown; backchannelDummyHash?: unknown };
  delete cache.backchannelAuth;
  delete cache.backchannelDummyHash;
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

const WRONG = "wrong password!";

/** A request from `address` as scripts/serve.mjs passes it on, with any other headers. */
const from = (address: string, headers: Record<string, string> = {}) =>
  new Headers({ [PEER_HEADER]: address, ...headers });

/** What one sign-in answers: "ok", or the refusal's code and message. */
async function attempt(email: string, password: string, headers: Headers): Promise<string> {
  try {
    await signIn({ email, password }, headers);
    return "ok";
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return `${code}: ${message}`;
  }
}

const WRONG_ANSWER = "UNAUTHENTICATED: The email or password is wrong, or the account is deactivated";
const PAIR_LIMITED = /^RATE_LIMITED: Too many attempts from this address for this account; try again in 15 min$/;

async function sessionsOf(email: string): Promise<number> {
  const db = await getDb();
  return db.session.count({ where: { user: { email } } });
}

describe("the sign-in throttle", () => {
  afterEach(() => {
    delete process.env.BACKCHANNEL_TRUSTED_PROXIES;
  });

  it("stops guessing one account from one address, and the owner still signs in from another", async () => {
    await createUser(SYSTEM, { email: "owner@example.org", role: "viewer", password: PASSWORD });
    const attacker = from("198.51.100.1");
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max; i++) {
      expect(await attempt("owner@example.org", WRONG, attacker)).toBe(WRONG_ANSWER);
    }
    // Refused as throttled, apart from a wrong password, even with the right one: no session.
    expect(await attempt("owner@example.org", PASSWORD, attacker)).toMatch(PAIR_LIMITED);
    expect(await sessionsOf("owner@example.org")).toBe(0);
    expect(await attempt("owner@example.org", PASSWORD, from("192.0.2.10"))).toBe("ok");
    expect(await sessionsOf("owner@example.org")).toBe(1);
  });

  it("forgets an address's failures for an account once it signs in there", async () => {
    await createUser(SYSTEM, { email: "forgetful@example.org", role: "viewer", password: PASSWORD });
    const home = from("198.51.100.2");
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max - 1; i++) {
      expect(await attempt("forgetful@example.org", WRONG, home)).toBe(WRONG_ANSWER);
    }
    expect(await attempt("forgetful@example.org", PASSWORD, home)).toBe("ok");
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max; i++) {
      expect(await attempt("forgetful@example.org", WRONG, home)).toBe(WRONG_ANSWER);
    }
    expect(await attempt("forgetful@example.org", WRONG, home)).toMatch(PAIR_LIMITED);
  });

  it("stops one address trying many accounts (spraying), whatever X-Forwarded-For it claims", async () => {
    const sprayer = "198.51.100.3";
    const claim = (i: number) =>
      from(sprayer, { "x-forwarded-for": `203.0.113.${i % 250}`, "x-real-ip": `10.1.${i}.1` });
    // Never five tries at one account, so only the per-address limit can stop it.
    for (let i = 0; i < SIGN_IN_LIMITS.address.max; i++) {
      expect(await attempt(`sprayed-${i % 10}@example.org`, WRONG, claim(i))).toBe(WRONG_ANSWER);
    }
    expect(await attempt("sprayed-new@example.org", WRONG, claim(99))).toMatch(
      /^RATE_LIMITED: Too many sign-in attempts from this address; try again in 15 min$/,
    );
    // Another address is not affected.
    expect(await attempt("sprayed-new@example.org", WRONG, from("198.51.100.4"))).toBe(WRONG_ANSWER);
  });

  it("counts only failures against an address: people signing in behind one office address are not refused", async () => {
    await createUser(SYSTEM, { email: "office@example.org", role: "viewer", password: PASSWORD });
    const office = from("198.51.100.5");
    for (let i = 0; i < SIGN_IN_LIMITS.address.max - 1; i++) {
      expect(await attempt(`colleague-${i % 10}@example.org`, WRONG, office)).toBe(WRONG_ANSWER);
    }
    for (let i = 0; i < 3; i++) expect(await attempt("office@example.org", PASSWORD, office)).toBe("ok");
    expect(await attempt("colleague-x@example.org", WRONG, office)).toBe(WRONG_ANSWER);
    expect(await attempt("colleague-y@example.org", WRONG, office)).toMatch(/^RATE_LIMITED: .* from this address;/);
  });

  it("trusts X-Forwarded-For only from as many proxies as BACKCHANNEL_TRUSTED_PROXIES says", async () => {
    await createUser(SYSTEM, { email: "proxied@example.org", role: "viewer", password: PASSWORD });
    process.env.BACKCHANNEL_TRUSTED_PROXIES = "1";
    // Every request comes from the proxy; the entry it appended names the client, what is left of it does not.
    const via = (client: string, forged = "192.0.2.99") =>
      from("10.0.0.1", { "x-forwarded-for": `${forged}, ${client}` });
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max; i++) {
      expect(await attempt("proxied@example.org", WRONG, via("203.0.113.20", `192.0.2.${i}`))).toBe(WRONG_ANSWER);
    }
    expect(await attempt("proxied@example.org", PASSWORD, via("203.0.113.20"))).toMatch(PAIR_LIMITED);
    expect(await attempt("proxied@example.org", PASSWORD, via("203.0.113.21"))).toBe("ok");
  });

  it("keeps an address in a counter's key to 64 characters", async () => {
    process.env.BACKCHANNEL_TRUSTED_PROXIES = "1";
    const long = "a".repeat(500);
    expect(await attempt("long@example.org", WRONG, from("10.0.0.1", { "x-forwarded-for": long }))).toBe(WRONG_ANSWER);
    const db = await getDb();
    const keys = (await db.rateLimit.findMany({ where: { key: { contains: "aaaa" } } })).map((row) => row.key);
    expect(keys.sort()).toEqual([
      `sign-in:address:${"a".repeat(64)}`,
      `sign-in:pair:${"a".repeat(64)}:long@example.org`,
    ]);
  });

  it("stops guessing one account from many addresses with a slower ceiling per email", async () => {
    const perAddress = SIGN_IN_LIMITS.pair.max;
    const addresses = Math.ceil(SIGN_IN_LIMITS.email.max / perAddress);
    for (let a = 0; a < addresses; a++) {
      for (let i = 0; i < perAddress; i++) {
        expect(await attempt("ceiling@example.org", WRONG, from(`198.18.0.${a}`))).toBe(WRONG_ANSWER);
      }
    }
    expect(await attempt("ceiling@example.org", WRONG, from("198.18.1.1"))).toMatch(
      /^RATE_LIMITED: Too many failed sign-ins for this account from many addresses; try again in 60 min$/,
    );
  }, 180_000);
});

describe("rate-limit counters", () => {
  it("deletes counters whose window has ended under any rule, and keeps the others", async () => {
    const db = await getDb();
    const now = Date.now();
    await db.rateLimit.createMany({
      data: [
        { key: "test:expired", count: 3, lastRequest: BigInt(now - LONGEST_WINDOW_SECONDS * 1000 - 1000) },
        { key: "test:current", count: 3, lastRequest: BigInt(now - 1000) },
      ],
    });
    // A hit purges on its own, at most once a minute: this one comes two minutes on.
    await hit("test:another", { max: 5, windowSeconds: 60 }, now + 2 * 60_000);
    const left = await db.rateLimit.findMany({ where: { key: { startsWith: "test:" } }, orderBy: { key: "asc" } });
    expect(left.map((row) => row.key)).toEqual(["test:another", "test:current"]);
    expect(await purgeExpired(now + LONGEST_WINDOW_SECONDS * 1000 + 60_000)).toBeGreaterThanOrEqual(2);
  });

  it("refuses a rule whose window is longer than any purge waits for", async () => {
    await expect(hit("test:long", { max: 1, windowSeconds: LONGEST_WINDOW_SECONDS + 1 })).rejects.toThrow(/at most/);
  });
});

describe("sign-in answers do the same work whatever the account", () => {
  beforeEach(dropCachedAuth);

  it("a wrong password, an unknown email and a deactivated account each cost one argon2 verify, no hash", async () => {
    await createUser(SYSTEM, { email: "timing@example.org", role: "viewer", password: PASSWORD });
    const gone = await createUser(SYSTEM, { email: "gone@example.org", role: "viewer", password: PASSWORD });
    await deactivateUser(SYSTEM, gone.id);
    const verify = vi.spyOn(passwordHashing, "verify");
    const hash = vi.spyOn(passwordHashing, "hash");
    try {
      const cases = [
        ["timing@example.org", WRONG],
        ["nobody@example.org", PASSWORD],
        ["gone@example.org", PASSWORD],
        ["gone@example.org", WRONG],
      ] as const;
      for (const [i, [email, password]] of cases.entries()) {
        verify.mockClear();
        hash.mockClear();
        expect(await attempt(email, password, from(`198.51.100.${60 + i}`))).toBe(WRONG_ANSWER);
        expect(verify, `${email} / ${password}`).toHaveBeenCalledTimes(1);
        expect(hash, `${email} / ${password}`).not.toHaveBeenCalled();
      }
      expect(await sessionsOf("gone@example.org")).toBe(0);
    } finally {
      verify.mockRestore();
      hash.mockRestore();
    }
  });
});

describe("the session cookie over TLS", () => {
  beforeEach(dropCachedAuth);

  afterEach(() => {
    delete process.env.BACKCHANNEL_TRUSTED_PROXIES;
  });

  it("is Secure and __Secure- named when the request came over TLS, and only such a request reads it", async () => {
    await createUser(SYSTEM, { email: "tls@example.org", role: "viewer", password: PASSWORD });
    const plain = await (
      await getAuth(false)
    ).api.signInEmail({
      body: { email: "tls@example.org", password: PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    expect(plain.headers.getSetCookie().join()).not.toMatch(/Secure/i);
    const secure = await (
      await getAuth(true)
    ).api.signInEmail({
      body: { email: "tls@example.org", password: PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    const setCookie = secure.headers.getSetCookie();
    expect(setCookie.join()).toMatch(/^__Secure-backchannel\.session_token=[^;]+;.*; Secure/i);
    const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
    const tls = { cookie, "x-forwarded-proto": "https" };

    process.env.BACKCHANNEL_TRUSTED_PROXIES = "1";
    expect(await actorFromHeaders(new Headers(tls))).toMatchObject({ email: "tls@example.org" });
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
    // A client's own X-Forwarded-Proto, with no proxy trusted, is not TLS.
    delete process.env.BACKCHANNEL_TRUSTED_PROXIES;
    expect(await actorFromHeaders(new Headers(tls))).toBeNull();
  });
});

describe("Better Auth as configured", () => {
  beforeEach(dropCachedAuth);

  // What lib/server/auth.ts asks of Better Auth, each seen from outside: the session's life, no
  // cookie cache, no sign-up, the hook that gives a deactivated user no session, quiet refusals.
  const db = () => getDb();

  it("a session lasts seven days, in the database and in the cookie", async () => {
    await createUser(SYSTEM, { email: "week@example.org", role: "viewer", password: PASSWORD });
    const { headers } = await (
      await getAuth()
    ).api.signInEmail({
      body: { email: "week@example.org", password: PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    expect(headers.getSetCookie().join()).toMatch(/Max-Age=604800/);
    const session = await (await db()).session.findFirstOrThrow({ where: { user: { email: "week@example.org" } } });
    const days = (session.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("a session deleted in the database stops working at once: no cookie cache answers for it", async () => {
    await createUser(SYSTEM, { email: "cached@example.org", role: "viewer", password: PASSWORD });
    const cookie = await sessionCookie("cached@example.org");
    expect(await actorFromHeaders(new Headers({ cookie }))).toMatchObject({ email: "cached@example.org" });
    await (await db()).session.deleteMany({ where: { user: { email: "cached@example.org" } } });
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
  });

  it("signing up through Better Auth is refused, and no user is written", async () => {
    const before = await (await db()).user.count();
    await expect(
      (await getAuth()).api.signUpEmail({
        body: { email: "walk-in@example.org", password: PASSWORD, name: "Walk-in" },
      }),
    ).rejects.toThrow();
    expect(await (await db()).user.count()).toBe(before);
  });

  it("gives a deactivated user no session even when asked directly, without an error in the log", async () => {
    const user = await createUser(SYSTEM, { email: "dormant@example.org", role: "viewer", password: PASSWORD });
    await (await db()).user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    await expect(
      (await getAuth()).api.signInEmail({
        body: { email: "dormant@example.org", password: PASSWORD },
        headers: new Headers(),
      }),
    ).rejects.toThrow();
    expect(await (await db()).session.count({ where: { userId: user.id } })).toBe(0);
    // The afterEach of tests/support/per-file-database.ts fails this test if console.error was called.
  });

  it("reads a session's actor with the user's name, and an Authorization that is not a bearer leaves the cookie to speak", async () => {
    await createUser(SYSTEM, { email: "named@example.org", role: "analyst", password: PASSWORD, name: "Named User" });
    const cookie = await sessionCookie("named@example.org");
    expect(await actorFromHeaders(new Headers({ cookie, authorization: "Basic bmFtZWQ6cHc=" }))).toMatchObject({
      name: "Named User",
      email: "named@example.org",
      role: "analyst",
      via: "session",
    });
  });

  it("a cookie Better Auth cannot read is nobody, not an error", async () => {
    expect(await actorFromHeaders(new Headers({ cookie: "backchannel.session_token=%E0%A4%A; other=1" }))).toBeNull();
  });

  it("a stored credential that is no argon2 hash refuses the sign-in as a wrong password, naming the field", async () => {
    const user = await createUser(SYSTEM, { email: "mangled@example.org", role: "viewer", password: PASSWORD });
    await (await db()).account.updateMany({ where: { userId: user.id }, data: { password: "not-a-hash" } });
    const verify = vi.spyOn(passwordHashing, "verify");
    try {
      await expect(
        signIn({ email: "mangled@example.org", password: PASSWORD }, from("198.51.100.90")),
      ).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        issues: [{ path: "password", message: "The email or password is wrong, or the account is deactivated" }],
      });
      // Refused at signIn's own check, after one verify, as every refusal is: Better Auth is not asked.
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
    expect(await sessionsOf("mangled@example.org")).toBe(0);
  });

  it("signing out ends the session in the database", async () => {
    await createUser(SYSTEM, { email: "leaving@example.org", role: "viewer", password: PASSWORD });
    const cookie = await sessionCookie("leaving@example.org");
    await signOut(new Headers({ cookie }));
    expect(await sessionsOf("leaving@example.org")).toBe(0);
    expect(await actorFromHeaders(new Headers({ cookie }))).toBeNull();
  });
});

describe("Better Auth as configured, further", () => {
  beforeEach(dropCachedAuth);

  const db = () => getDb();
  const ARGON2ID_OWASP = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/;

  it("refreshes a session once a day of use: a day-old one gets seven days again, a younger one is left as it is", async () => {
    await createUser(SYSTEM, { email: "daily@example.org", role: "viewer", password: PASSWORD });
    const cookie = await sessionCookie("daily@example.org");
    const where = { user: { email: "daily@example.org" } };
    const week = 7 * 86_400_000;
    const hour = 3_600_000;
    // Made 23 hours ago: read, not refreshed.
    const younger = new Date(Date.now() + week - 23 * hour);
    await (await db()).session.updateMany({ where, data: { expiresAt: younger } });
    expect(await actorFromHeaders(new Headers({ cookie }))).toMatchObject({ email: "daily@example.org" });
    expect((await (await db()).session.findFirstOrThrow({ where })).expiresAt).toEqual(younger);
    // Made 25 hours ago: its expiry moves to seven days from now.
    await (await db()).session.updateMany({ where, data: { expiresAt: new Date(Date.now() + week - 25 * hour) } });
    const before = Date.now();
    expect(await actorFromHeaders(new Headers({ cookie }))).toMatchObject({ email: "daily@example.org" });
    const refreshed = (await (await db()).session.findFirstOrThrow({ where })).expiresAt.getTime();
    expect(refreshed).toBeGreaterThanOrEqual(before + week - 1000);
    expect(refreshed).toBeLessThanOrEqual(Date.now() + week);
  });

  it("a password changed through Better Auth is stored as argon2id at OWASP's parameters, and signs in", async () => {
    await createUser(SYSTEM, { email: "changer@example.org", role: "viewer", password: PASSWORD });
    const cookie = await sessionCookie("changer@example.org");
    const changed = "a brand new passphrase";
    await (
      await getAuth()
    ).api.changePassword({
      body: { currentPassword: PASSWORD, newPassword: changed, revokeOtherSessions: false },
      headers: new Headers({ cookie }),
    });
    const account = await (await db()).account.findFirstOrThrow({ where: { user: { email: "changer@example.org" } } });
    expect(account.password).toMatch(ARGON2ID_OWASP);
    expect(await attempt("changer@example.org", changed, from("198.51.100.91"))).toBe("ok");
    expect(await attempt("changer@example.org", PASSWORD, from("198.51.100.91"))).toBe(WRONG_ANSWER);
  });

  it("an unknown email is checked against a real argon2id hash at the same parameters, one and the same each time", async () => {
    const verify = vi.spyOn(passwordHashing, "verify");
    try {
      expect(await attempt("no-one@example.org", PASSWORD, from("198.51.100.92"))).toBe(WRONG_ANSWER);
      expect(await attempt("no-one-else@example.org", WRONG, from("198.51.100.92"))).toBe(WRONG_ANSWER);
      expect(verify).toHaveBeenCalledTimes(2);
      const [first, second] = verify.mock.calls.map(([stored, password]) => ({ stored, password }));
      expect(first?.stored).toMatch(ARGON2ID_OWASP);
      expect(second?.stored).toBe(first?.stored);
      expect([first?.password, second?.password]).toEqual([PASSWORD, WRONG]);
    } finally {
      verify.mockRestore();
    }
  });

  it("a user deactivated between the password check and the session is refused with the same answer, and gets no session", async () => {
    const user = await createUser(SYSTEM, { email: "racing@example.org", role: "viewer", password: PASSWORD });
    const real = passwordHashing.verify;
    // The first verify is signIn's own: the account is deactivated just after it, before Better Auth's.
    const verify = vi.spyOn(passwordHashing, "verify").mockImplementationOnce(async (stored, password) => {
      const matches = await real(stored, password);
      await (await db()).user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
      return matches;
    });
    try {
      await expect(
        signIn({ email: "racing@example.org", password: PASSWORD }, from("198.51.100.93")),
      ).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        message: "The email or password is wrong, or the account is deactivated",
        issues: [{ path: "password", message: "The email or password is wrong, or the account is deactivated" }],
      });
      expect(verify).toHaveBeenCalledTimes(2);
    } finally {
      verify.mockRestore();
    }
    expect(await sessionsOf("racing@example.org")).toBe(0);
  });

  it("keeps Better Auth's warnings (a wrong password asked of it directly) out of the server log", async () => {
    await createUser(SYSTEM, { email: "warned@example.org", role: "viewer", password: PASSWORD });
    await expect(
      (await getAuth()).api.signInEmail({
        body: { email: "warned@example.org", password: WRONG },
        headers: new Headers(),
      }),
    ).rejects.toThrow();
    expect(console.error).not.toHaveBeenCalled();
  });

  it("sends Better Auth's other errors to the server log, marked as its own", async () => {
    await expect(
      (await getAuth()).api.requestPasswordReset({ body: { email: "admin@example.org" }, headers: new Headers() }),
    ).rejects.toThrow();
    const logged = vi.mocked(console.error).mock.calls;
    expect(logged).toHaveLength(1);
    expect(logged[0]?.[0]).toMatch(/^\[Better Auth\] error: Reset password isn't enabled/);
    // Expected here: the setup's afterEach fails a test on any other console.error.
    vi.mocked(console.error).mockClear();
  });

  it("signs the session cookie with the secret stored in the database, which every instance reads", async () => {
    await createUser(SYSTEM, { email: "signed@example.org", role: "viewer", password: PASSWORD });
    const cookie = await sessionCookie("signed@example.org");
    const [name, ...rest] = cookie.split("; ")[0]?.split("=") ?? [];
    expect(name).toBe("backchannel.session_token");
    const [token = "", signature] = decodeURIComponent(rest.join("=")).split(".");
    const stored = await (await db()).appSecret.findUniqueOrThrow({ where: { id: "better-auth" } });
    expect(await sharedSecret("better-auth", undefined)).toBe(stored.value);
    expect(signature).toBe(createHmac("sha256", stored.value).update(token).digest("base64"));
    const session = await (await db()).session.findFirstOrThrow({ where: { user: { email: "signed@example.org" } } });
    expect(session.token).toBe(token);
  });

  it("lets no user set their own role or deactivation through Better Auth", async () => {
    const user = await createUser(SYSTEM, { email: "climber@example.org", role: "viewer", password: PASSWORD });
    const cookie = await sessionCookie("climber@example.org");
    const auth = await getAuth();
    for (const body of [{ role: "admin" }, { deactivatedAt: new Date() }]) {
      await expect(
        auth.api.updateUser({ body, headers: new Headers({ cookie }) }),
        JSON.stringify(body),
      ).rejects.toThrow(/is not allowed to be set/);
    }
    expect(await (await db()).user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      role: "viewer",
      deactivatedAt: null,
    });
    expect(await actorFromHeaders(new Headers({ cookie }))).toMatchObject({ role: "viewer" });
  });

  it("reads a bearer token whatever the scheme's case and the spaces after it", async () => {
    const user = await createUser(SYSTEM, { email: "spaced@example.org", role: "analyst", password: PASSWORD });
    const { token } = await createApiToken(SYSTEM, user.id, { name: "spaced" });
    for (const authorization of [`bearer ${token}`, `BEARER ${token}`, `Bearer    ${token}`]) {
      expect(await actorFromHeaders(new Headers({ authorization })), authorization).toMatchObject({
        email: "spaced@example.org",
        via: "token",
      });
    }
  });
});

import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { AppError, parseOrThrow } from "@/lib/errors";
import { clientAddress, requestIsHttps, requestTrust } from "@/lib/request-trust";
import { PASSWORD_MAX, PASSWORD_MIN, SignInSchema, type Role } from "@/lib/schemas/user";
import type { Actor } from "./authz";
import { getDb } from "./db";
import { sharedSecret } from "./secrets";
import { clear, forgive, hit, type RateRule } from "./rate-limit";
import { actorFromBearer } from "./tokens";

// Better Auth does sessions (stored in the database, so an admin can revoke them), cookies and
// credential storage; the app keeps roles, deactivation, tokens and the sign-in throttle, and
// exposes no Better Auth HTTP routes of its own: every sign-in goes through signIn() below.
// See docs/decisions/007-auth.md.

/** OWASP's argon2id minimum: 19 MiB, 2 iterations, parallelism 1. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const SESSION_COOKIE_PREFIX = "backchannel";

/**
 * The argon2 work behind every sign-in answer. An object, so a test can count the calls: a wrong
 * password, an unknown email and a deactivated account must each cost one verify and nothing
 * else, or their timings would tell them apart (a hash costs more than a verify). A successful
 * sign-in verifies twice (signIn, then Better Auth): only refusals need to look alike.
 */
export const passwordHashing = {
  hash: (password: string) => hash(password, ARGON2_OPTIONS),
  verify: (stored: string, password: string) => verify(stored, password),
};

const globalForDummy = globalThis as unknown as { backchannelDummyHash?: Promise<string> };

/** A hash of a random password at the same parameters, to verify against when there is no account. */
function dummyHash(): Promise<string> {
  globalForDummy.backchannelDummyHash ??= hash(crypto.randomUUID(), ARGON2_OPTIONS);
  return globalForDummy.backchannelDummyHash;
}

/**
 * Sign-in throttle, counted in the database, of failed attempts only (a success takes its own
 * attempt back): per address and email together, so guessing one account from one place stops
 * quickly without locking its owner out elsewhere; per address over every email (spraying); and
 * a slower ceiling per email from all addresses together (guessing one account from many). One
 * address alone cannot reach the email ceiling: its pair limit stops it at 20 an hour.
 */
export const SIGN_IN_LIMITS = {
  pair: { max: 5, windowSeconds: 15 * 60 },
  address: { max: 30, windowSeconds: 15 * 60 },
  email: { max: 100, windowSeconds: 60 * 60 },
} satisfies Record<string, RateRule>;

const LIMIT_MESSAGES: Record<keyof typeof SIGN_IN_LIMITS, string> = {
  pair: "Too many attempts from this address for this account",
  address: "Too many sign-in attempts from this address",
  email: "Too many failed sign-ins for this account from many addresses",
};

async function createAuth(secureCookies: boolean) {
  const db = await getDb();
  const secret = await sharedSecret("better-auth", process.env.BETTER_AUTH_SECRET);
  const publicUrl = process.env.BACKCHANNEL_URL;
  return betterAuth({
    appName: "Backchannel",
    secret,
    baseURL: publicUrl,
    // Stryker disable next-line all: equivalent in every test on either database. Better Auth's Prisma
    // adapter reads the provider only for uuid ids, array fields and case-insensitive filters, none of
    // which this configuration uses (docs/mutation.md); it stays right for the day one does.
    database: prismaAdapter(db, { provider: resolveDatabaseTarget().kind === "postgresql" ? "postgresql" : "sqlite" }),
    emailAndPassword: {
      enabled: true,
      // Users are created by an admin (or the first-run page), never by signing up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: {
        hash: (password) => passwordHashing.hash(password),
        verify: ({ hash: stored, password }) => passwordHashing.verify(stored, password),
      },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "viewer" },
        deactivatedAt: { type: "date", input: false, required: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No cookie cache: a revoked session must stop working at once, on every instance.
      cookieCache: { enabled: false },
    },
    // Our own throttle covers sign-in; Better Auth's HTTP routes are not mounted.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // Better Auth fixes this per instance; getAuth keeps one instance for each answer of
      // requestIsHttps, the rule HSTS follows too.
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user gets no new session, however they sign in.
          async before(session) {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { deactivatedAt: true } });
            return !!user && !user.deactivatedAt;
          },
        },
      },
    },
    telemetry: { enabled: false },
    // A wrong password is an expected event, not a warning in the server log; nor is the refused
    // session of a deactivated account (the hook below), which Better Auth reports as an error.
    logger: {
      level: "error",
      log: (level, message, ...args) => {
        if (message !== "Failed to create session") console.error(`[Better Auth] ${level}: ${message}`, ...args);
      },
    },
    plugins: [nextCookies()],
  });
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const globalForAuth = globalThis as unknown as { backchannelAuth?: Partial<Record<"secure" | "plain", Promise<Auth>>> };

/**
 * Better Auth for a request that came over TLS (`secure`: its cookie is `Secure` and named
 * `__Secure-…`) or not. Without an answer, the one BACKCHANNEL_URL implies (scripts and tests).
 */
export function getAuth(secure = requestIsHttps(new Headers(), requestTrust(process.env))): Promise<Auth> {
  const instances = (globalForAuth.backchannelAuth ??= {});
  const kind = secure ? "secure" : "plain";
  instances[kind] ??= createAuth(secure);
  return instances[kind];
}

function authFor(requestHeaders: Headers): Promise<Auth> {
  return getAuth(requestIsHttps(requestHeaders, requestTrust(process.env)));
}

/** The rate-limit counters one sign-in attempt counts against, in the order they are checked. */
function signInCounters(email: string, address: string) {
  return [
    { rule: "address", key: `sign-in:address:${address}` },
    { rule: "pair", key: `sign-in:pair:${address}:${email}` },
    { rule: "email", key: `sign-in:email:${email}` },
  ] as const;
}

/**
 * Signs in with email and password and sets the session cookie (in a server action). Attempts
 * are throttled (SIGN_IN_LIMITS) before the password is even checked; a throttled attempt says
 * so, apart from a wrong password. A wrong password, an unknown email and a deactivated account
 * get one answer, after the same argon2 work.
 */
export async function signIn(input: unknown, requestHeaders: Headers): Promise<void> {
  const { email, password } = parseOrThrow(SignInSchema, input);
  const counters = signInCounters(email, clientAddress(requestHeaders, requestTrust(process.env)));
  for (const { rule, key } of counters) {
    const { limited, retryAfterSeconds } = await hit(key, SIGN_IN_LIMITS[rule]);
    if (limited) {
      throw new AppError(
        "RATE_LIMITED",
        `${LIMIT_MESSAGES[rule]}; try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} min`,
      );
    }
  }
  const message = "The email or password is wrong, or the account is deactivated";
  const refused = new AppError("UNAUTHENTICATED", message, { issues: [{ path: "password", message }] });
  // Every refusal does the same work, one read and one verify, whatever the account: an unknown
  // email is verified against a dummy hash (Better Auth would hash instead, which takes longer)
  // and a deactivated one is refused only after its password is checked.
  const db = await getDb();
  const account = await db.account.findFirst({
    where: { providerId: "credential", password: { not: null }, user: { email } },
    select: { password: true, user: { select: { deactivatedAt: true } } },
  });
  const matches = await passwordHashing.verify(account?.password ?? (await dummyHash()), password).catch(() => false);
  if (!account || !matches || account.user.deactivatedAt) throw refused;
  const auth = await authFor(requestHeaders);
  try {
    // Better Auth checks the password again and makes the session; its session hook refuses a
    // user deactivated in between.
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch {
    throw refused;
  }
  const [address, pair, perEmail] = counters;
  await clear(pair.key);
  await forgive(address.key);
  await forgive(perEmail.key);
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  const auth = await authFor(requestHeaders);
  await auth.api.signOut({ headers: requestHeaders }).catch(() => undefined);
}

/**
 * The actor behind a request: a bearer token (scripts), else the session cookie (browsers).
 * Null when neither is valid, or the user is deactivated.
 */
export async function actorFromHeaders(requestHeaders: Headers): Promise<Actor | null> {
  const authorization = requestHeaders.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return actorFromBearer(authorization.slice("bearer ".length).trim());
  }
  const auth = await authFor(requestHeaders);
  const session = await auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  if (!session) return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) return null;
  return { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role as Role, via: "session" };
}

import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { AppError, parseOrThrow } from "@/lib/errors";
import { PASSWORD_MAX, PASSWORD_MIN, SignInSchema, type Role } from "@/lib/schemas/user";
import type { Actor } from "./authz";
import { getDb } from "./db";
import { sharedSecret } from "./secrets";
import { clear, hit, type RateRule } from "./rate-limit";
import { actorFromBearer } from "./tokens";

// Better Auth does sessions (stored in the database, so an admin can revoke them), cookies and
// credential storage; the app keeps roles, deactivation, tokens and the sign-in throttle, and
// exposes no Better Auth HTTP routes of its own: every sign-in goes through signIn() below.
// See docs/decisions/007-auth.md.

/** OWASP's argon2id minimum: 19 MiB, 2 iterations, parallelism 1. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const SESSION_COOKIE_PREFIX = "backchannel";

/** Sign-in throttle: per email and per client address, counted in the database. */
export const SIGN_IN_LIMITS: { email: RateRule; ip: RateRule } = {
  email: { max: 5, windowSeconds: 15 * 60 },
  ip: { max: 30, windowSeconds: 15 * 60 },
};

async function createAuth() {
  const db = await getDb();
  const secret = await sharedSecret("better-auth", process.env.BETTER_AUTH_SECRET);
  const publicUrl = process.env.BACKCHANNEL_URL;
  return betterAuth({
    appName: "Backchannel",
    secret,
    baseURL: publicUrl,
    database: prismaAdapter(db, { provider: resolveDatabaseTarget().kind === "postgresql" ? "postgresql" : "sqlite" }),
    emailAndPassword: {
      enabled: true,
      // Users are created by an admin (or the first-run page), never by signing up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: {
        hash: (password) => hash(password, ARGON2_OPTIONS),
        verify: ({ hash: stored, password }) => verify(stored, password),
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
      // Secure cookies when the app is served over TLS (BACKCHANNEL_URL=https://…).
      useSecureCookies: publicUrl?.startsWith("https://") ?? false,
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
    // A wrong password is an expected event, not a warning in the server log.
    logger: { level: "error" },
    plugins: [nextCookies()],
  });
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const globalForAuth = globalThis as unknown as { backchannelAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.backchannelAuth ??= createAuth();
  return globalForAuth.backchannelAuth;
}

function clientAddress(headers: Headers): string {
  // Behind a reverse proxy the first x-forwarded-for entry is the client (docs/deploy.md).
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

/**
 * Signs in with email and password and sets the session cookie (in a server action). Attempts
 * are throttled per email and per client address before the password is even checked.
 */
export async function signIn(input: unknown, requestHeaders: Headers): Promise<void> {
  const { email, password } = parseOrThrow(SignInSchema, input);
  const emailKey = `sign-in:email:${email}`;
  for (const [key, rule] of [
    [emailKey, SIGN_IN_LIMITS.email],
    [`sign-in:ip:${clientAddress(requestHeaders)}`, SIGN_IN_LIMITS.ip],
  ] as const) {
    const { limited, retryAfterSeconds } = await hit(key, rule);
    if (limited) {
      throw new AppError(
        "RATE_LIMITED",
        `Too many sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
      );
    }
  }
  const refused = new AppError("UNAUTHENTICATED", "The email or password is wrong, or the account is deactivated", {
    issues: [{ path: "password", message: "The email or password is wrong, or the account is deactivated" }],
  });
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email }, select: { deactivatedAt: true } });
  if (user?.deactivatedAt) throw refused;
  const auth = await getAuth();
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch {
    throw refused;
  }
  await clear(emailKey);
}

export async function signOut(requestHeaders: Headers): Promise<void> {
  const auth = await getAuth();
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
  const auth = await getAuth();
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

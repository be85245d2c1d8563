import "server-only";
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { AppError, isAppError, notFound, validationFailed } from "@/lib/errors";
import {
  FirstAdminSchema,
  RoleChangeSchema,
  UserCreateSchema,
  type Role,
  type UserCreate,
  type UserSummary,
} from "@/lib/schemas/user";
import { ARGON2_OPTIONS } from "./auth";
import { authorize, SYSTEM, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { mutate } from "./mutation";

/** True while no user exists: the app then offers to create the first admin and nothing else. */
export async function needsFirstAdmin(): Promise<boolean> {
  const db = await getDb();
  return (await db.user.count()) === 0;
}

const emailTaken = () => validationFailed([{ path: "email", message: "A user with this email exists" }]);
const adminExists = () => new AppError("FORBIDDEN", "An admin exists already; sign in instead");

/**
 * Writes a user and their credential in the caller's transaction, in the layout Better Auth
 * reads at sign-in (an Account with providerId "credential" holding the argon2id hash).
 */
async function insertUser(tx: Tx, data: UserCreate): Promise<string> {
  // Checked first so a taken email costs no password hash; the unique index covers a race.
  const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (taken) throw emailTaken();
  const id = randomUUID();
  const passwordHash = await hash(data.password, ARGON2_OPTIONS);
  await tx.user.create({
    data: {
      id,
      email: data.email,
      name: data.name ?? data.email.split("@")[0] ?? data.email,
      role: data.role,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
    },
  });
  return id;
}

export function createUser(actor: Actor | null, input: unknown): Promise<UserSummary> {
  const spec = { permission: "admin", schema: UserCreateSchema, input, unique: { email: emailTaken } } as const;
  return mutate(actor, spec, async (tx, data) => readUserSummary(tx, await insertUser(tx, data)));
}

/**
 * Creates the first admin, once: a SetupLock row with a fixed id makes a second, concurrent
 * attempt fail on its primary key, on any database and across instances. Nobody is signed in
 * yet, so the system acts; the empty user table is the permission.
 */
export async function createFirstAdmin(input: unknown): Promise<UserSummary> {
  const spec = { permission: "admin", schema: FirstAdminSchema, input, unique: { id: adminExists } } as const;
  return mutate(SYSTEM, spec, async (tx, data) => {
    if ((await tx.user.count()) > 0) throw adminExists();
    await tx.setupLock.create({ data: { id: "first-admin" } });
    return readUserSummary(tx, await insertUser(tx, { ...data, role: "admin" }));
  }).catch((error: unknown) => {
    // Whatever else refused the second attempt (another instance's write lock) means the same.
    throw isAppError(error) ? error : adminExists();
  });
}

async function readUserSummary(db: Tx, id: string): Promise<UserSummary> {
  const now = new Date();
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      deactivatedAt: true,
      createdAt: true,
      _count: {
        select: { sessions: { where: { expiresAt: { gt: now } } }, apiTokens: { where: { revokedAt: null } } },
      },
    },
  });
  if (!user) throw notFound("User");
  const { _count, ...rest } = user;
  return {
    ...rest,
    role: rest.role as Role,
    deactivatedAt: rest.deactivatedAt?.toISOString() ?? null,
    createdAt: rest.createdAt.toISOString(),
    activeSessions: _count.sessions,
    activeTokens: _count.apiTokens,
  };
}

export async function listUsers(actor: Actor | null): Promise<UserSummary[]> {
  authorize(actor, "admin");
  const db = await getDb();
  const ids = await db.user.findMany({ orderBy: { email: "asc" }, select: { id: true } });
  return Promise.all(ids.map((u) => readUserSummary(db, u.id)));
}

export async function getUserOrThrow(actor: Actor | null, id: string): Promise<UserSummary> {
  authorize(actor, "admin");
  return readUserSummary(await getDb(), id);
}

export async function findUserIdByEmail(actor: Actor | null, email: string): Promise<string> {
  authorize(actor, "admin");
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw notFound("User");
  return user.id;
}

/** Refuses a change that would leave no active admin. */
async function assertAnotherAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "admin", deactivatedAt: null, id: { not: userId } } });
  if (others === 0) throw validationFailed([{ path: "role", message: "The last active admin must stay an admin" }]);
}

export function changeUserRole(actor: Actor | null, userId: string, input: unknown): Promise<UserSummary> {
  return mutate(actor, { permission: "admin", schema: RoleChangeSchema, input }, async (tx, { role }) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw notFound("User");
    if (user.role === "admin" && role !== "admin") await assertAnotherAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    return readUserSummary(tx, userId);
  });
}

/** Deactivates a user: no sign-in, and every session and token they hold stops working now. */
export function deactivateUser(actor: Actor | null, userId: string): Promise<UserSummary> {
  return mutate(actor, { permission: "admin" }, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
    if (!user) throw notFound("User");
    if (!user.deactivatedAt) {
      if (user.role === "admin") await assertAnotherAdmin(tx, userId);
      await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
      await tx.session.deleteMany({ where: { userId } });
      await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    return readUserSummary(tx, userId);
  });
}

export function reactivateUser(actor: Actor | null, userId: string): Promise<UserSummary> {
  return mutate(actor, { permission: "admin" }, async (tx) => {
    // An unknown id is P2025 here, which the runner turns into "User was not found".
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
    return readUserSummary(tx, userId);
  });
}

/** Signs a user out everywhere without deactivating them. */
export async function revokeUserSessions(actor: Actor | null, userId: string): Promise<void> {
  await mutate(actor, { permission: "admin" }, (tx) => tx.session.deleteMany({ where: { userId } }));
}

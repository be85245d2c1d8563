import "server-only";
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { AppError, notFound, parseOrThrow, validationFailed } from "@/lib/errors";
import {
  FirstAdminSchema,
  RoleChangeSchema,
  UserCreateSchema,
  type Role,
  type UserCreate,
  type UserSummary,
} from "@/lib/schemas/user";
import { ARGON2_OPTIONS } from "./auth";
import { authorize, type Actor } from "./authz";
import { getDb, type Tx } from "./db";

/** True while no user exists: the app then offers to create the first admin and nothing else. */
export async function needsFirstAdmin(): Promise<boolean> {
  const db = await getDb();
  return (await db.user.count()) === 0;
}

/**
 * Writes a user and their credential in the caller's transaction, in the layout Better Auth
 * reads at sign-in (an Account with providerId "credential" holding the argon2id hash).
 */
async function insertUser(tx: Tx, data: UserCreate): Promise<string> {
  const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (taken) throw validationFailed([{ path: "email", message: "A user with this email exists" }]);
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

export async function createUser(actor: Actor | null, input: unknown): Promise<UserSummary> {
  authorize(actor, "admin");
  const data = parseOrThrow(UserCreateSchema, input);
  const db = await getDb();
  const id = await db.$transaction((tx) => insertUser(tx, data));
  return getUserSummary(id);
}

/**
 * Creates the first admin, once: a SetupLock row with a fixed id makes a second, concurrent
 * attempt fail on its primary key, on any database and across instances.
 */
export async function createFirstAdmin(input: unknown): Promise<UserSummary> {
  const data = parseOrThrow(FirstAdminSchema, input);
  const db = await getDb();
  const id = await db
    .$transaction(async (tx) => {
      if ((await tx.user.count()) > 0) throw new AppError("FORBIDDEN", "An admin exists already; sign in instead");
      await tx.setupLock.create({ data: { id: "first-admin" } });
      return insertUser(tx, { ...data, role: "admin" });
    })
    .catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      throw new AppError("FORBIDDEN", "An admin exists already; sign in instead");
    });
  return getUserSummary(id);
}

async function getUserSummary(id: string): Promise<UserSummary> {
  const db = await getDb();
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
  return Promise.all(ids.map((u) => getUserSummary(u.id)));
}

export async function getUserOrThrow(actor: Actor | null, id: string): Promise<UserSummary> {
  authorize(actor, "admin");
  return getUserSummary(id);
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

export async function changeUserRole(actor: Actor | null, userId: string, input: unknown): Promise<UserSummary> {
  authorize(actor, "admin");
  const { role } = parseOrThrow(RoleChangeSchema, input);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw notFound("User");
    if (user.role === "admin" && role !== "admin") await assertAnotherAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
  });
  return getUserSummary(userId);
}

/** Deactivates a user: no sign-in, and every session and token they hold stops working now. */
export async function deactivateUser(actor: Actor | null, userId: string): Promise<UserSummary> {
  authorize(actor, "admin");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
    if (!user) throw notFound("User");
    if (user.deactivatedAt) return;
    if (user.role === "admin") await assertAnotherAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  });
  return getUserSummary(userId);
}

export async function reactivateUser(actor: Actor | null, userId: string): Promise<UserSummary> {
  authorize(actor, "admin");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw notFound("User");
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: null } });
  });
  return getUserSummary(userId);
}

/** Signs a user out everywhere without deactivating them. */
export async function revokeUserSessions(actor: Actor | null, userId: string): Promise<void> {
  authorize(actor, "admin");
  const db = await getDb();
  await db.$transaction((tx) => tx.session.deleteMany({ where: { userId } }));
}

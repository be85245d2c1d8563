import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { notFound, validationFailed } from "@/lib/errors";
import { ApiTokenCreateSchema, type ApiTokenSummary, type Role } from "@/lib/schemas/user";
import { authorize, type Actor } from "./authz";
import { getDb } from "./db";
import { mutate } from "./mutation";

// API tokens: 32 random bytes, shown once, stored only as a SHA-256 hash (a token has 256 bits of
// entropy, so a fast hash is the right tool, as for GitHub's tokens; passwords get argon2id).

const TOKEN_PREFIX = "bc_";

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function toSummary(row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenSummary {
  // Field by field: the row as created also holds userId and tokenHash, which no summary shows.
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a token for a user (admins only); the token itself is in the result and nowhere else. */
export async function createApiToken(
  actor: Actor | null,
  userId: string,
  input: unknown,
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return mutate(actor, { permission: "admin", schema: ApiTokenCreateSchema, input }, async (tx, { name }) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
    if (!user) throw notFound("User");
    // It could never work: tokens of a deactivated user are refused at every request.
    if (user.deactivatedAt)
      throw validationFailed([{ path: "userId", message: "Reactivate the user before giving them a token" }]);
    const row = await tx.apiToken.create({
      data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
    });
    return { token, summary: toSummary(row) };
  });
}

export async function listApiTokens(actor: Actor | null, userId: string): Promise<ApiTokenSummary[]> {
  authorize(actor, "admin");
  const db = await getDb();
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
  return rows.map(toSummary);
}

export async function revokeApiToken(actor: Actor | null, tokenId: string): Promise<void> {
  await mutate(actor, { permission: "admin" }, async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true } });
    if (!row) throw notFound("Token");
    if (!row.revokedAt) await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
  });
}

/** The actor a bearer token acts as, or null for an unknown, revoked or deactivated one. */
export async function actorFromBearer(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = await getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, email: true, role: true, deactivatedAt: true } },
    },
  });
  if (!row || row.revokedAt || row.user.deactivatedAt) return null;
  // Recorded at most once a minute: a busy script should not turn every read into a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.$transaction((tx) => tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }));
  }
  const { user } = row;
  return { kind: "user", id: user.id, name: user.name, email: user.email, role: user.role as Role, via: "token" };
}

import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "./db";

/**
 * A secret every app instance must share. The environment wins; otherwise the first instance
 * generates one and stores it in the database, where every other instance finds the same value,
 * so a single-user start needs no .env and a team's instances cannot disagree.
 */
export async function sharedSecret(name: string, envValue: string | undefined): Promise<string> {
  if (envValue && envValue.length >= 32) return envValue;
  const db = await getDb();
  const existing = await db.appSecret.findUnique({ where: { id: name } });
  if (existing) return existing.value;
  try {
    const created = await db.$transaction((tx) =>
      tx.appSecret.create({ data: { id: name, value: randomBytes(32).toString("base64url") } }),
    );
    return created.value;
  } catch {
    // Another instance created it first: use theirs.
    return (await db.appSecret.findUniqueOrThrow({ where: { id: name } })).value;
  }
}

import { createHash } from "node:crypto";
import { expect } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";

// A whole-database fingerprint: every row of every model, hashed per table. A refused call must
// leave it as it was, so a check that runs after the write it should have prevented (authorize
// moved below the insert) fails the test even though the answer is the right 403.
//
// Every model of prisma/schema.prisma is read (Prisma.ModelName), so a table added later is
// covered without touching this file.

/**
 * Columns that a call rewrites while only authenticating, refused or not: a token records when it
 * was last used (at most once a minute), a session may be extended. They say who knocked, not
 * what changed.
 */
const AUTHENTICATION_COLUMNS: Partial<Record<Prisma.ModelName, readonly string[]>> = {
  ApiToken: ["lastUsedAt"],
  Session: ["expiresAt", "updatedAt"],
};

export type Fingerprint = Record<string, { rows: number; sha256: string }>;

type Delegate = { findMany(): Promise<Array<Record<string, unknown>>> };

function rowText(row: Record<string, unknown>, skip: readonly string[] = []): string {
  const kept = Object.keys(row)
    .filter((column) => !skip.includes(column))
    .sort()
    .map((column) => [column, row[column]]);
  // BigInt (RateLimit.lastRequest) has no JSON form of its own; Dates serialize as ISO strings.
  return JSON.stringify(kept, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
}

/** The row count and a hash of the rows (in a stable order) of every table. */
export async function fingerprint(): Promise<Fingerprint> {
  const db = (await getDb()) as unknown as Record<string, Delegate>;
  const result: Fingerprint = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = db[model.charAt(0).toLowerCase() + model.slice(1)];
    if (!delegate) throw new Error(`No Prisma delegate for the model ${model}`);
    const rows = (await delegate.findMany()).map((row) => rowText(row, AUTHENTICATION_COLUMNS[model])).sort();
    result[model] = { rows: rows.length, sha256: createHash("sha256").update(rows.join("\n")).digest("hex") };
  }
  return result;
}

/**
 * Runs `call` and asserts that no row of any table changed meanwhile; returns what `call`
 * returned. A failure names the tables that changed.
 */
export async function expectNothingChanged<T>(call: () => Promise<T>, what = "the call"): Promise<T> {
  const before = await fingerprint();
  const result = await call();
  const after = await fingerprint();
  const changed = Object.keys(before).filter(
    (model) => before[model]!.rows !== after[model]!.rows || before[model]!.sha256 !== after[model]!.sha256,
  );
  expect(changed, `${what} changed rows of ${changed.join(", ")}`).toEqual([]);
  return result;
}

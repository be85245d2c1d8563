import "server-only";
import { AppError, notFound } from "@/lib/errors";

// What the database refuses, as the AppError the user sees (mutation.ts runs every write through
// databaseError). Its own module so that each driver's way of saying it, as the drivers throw it,
// is tested directly, the PostgreSQL shapes on SQLite too (database-error.test.ts).

/**
 * SQLite in WAL mode: the transaction read rows that another connection (another process on the
 * same file) has since committed over, so it may not write; mutate() runs it again.
 */
export function staleSnapshot(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as PrismaLikeError).code === "SQLITE_BUSY_SNAPSHOT";
}

/**
 * How Prisma reports a refused write. With the driver adapters (SQLite and PostgreSQL alike) a
 * unique violation is a PrismaClientKnownRequestError P2002 whose fields sit in
 * meta.driverAdapterError.cause.constraint; the Rust engine put them in meta.target instead.
 */
type PrismaLikeError = {
  name?: string;
  code?: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: AdapterCause } };
  cause?: AdapterCause;
};
type AdapterCause = { kind?: string; originalCode?: string; constraint?: { fields?: string[]; index?: string } };

/**
 * PostgreSQL aborted the transaction to end a deadlock (40P01) or a serialization conflict
 * (40001; Prisma's P2034): it committed nothing, and trying again can succeed. The driver adapter
 * passes a deadlock on unwrapped, as a DriverAdapterError whose cause keeps the SQLSTATE.
 */
function writeConflict(error: PrismaLikeError | null): boolean {
  if (error?.code === "P2034") return true;
  const cause = error?.cause;
  return (
    cause?.kind === "TransactionWriteConflict" || cause?.originalCode === "40P01" || cause?.originalCode === "40001"
  );
}

/** The busy timeout ran out: Prisma's P1008 "timed out", the driver's SQLITE_BUSY underneath. */
function sqliteBusy(error: PrismaLikeError | null): boolean {
  return error?.meta?.driverAdapterError?.cause?.originalCode === "SQLITE_BUSY";
}

function constraintFields(constraint: AdapterCause["constraint"], target: unknown): string[] {
  if (constraint?.fields?.length) return constraint.fields;
  if (Array.isArray(target)) return target.map(String);
  // PostgreSQL names an index "Model_field_key" where it cannot name the columns.
  const name = constraint?.index ?? (typeof target === "string" ? target : "");
  const match = /^[^_]+_(.+)_(?:key|pkey)$/.exec(name);
  return match ? match[1]!.split("_") : [];
}

/** The fields of a unique-constraint violation, or null when `error` is not one. */
function uniqueViolation(error: unknown): { model: string | null; fields: string[] } | null {
  if (typeof error !== "object" || error === null) return null;
  const e = error as PrismaLikeError;
  if (e.code === "P2002") {
    const cause = e.meta?.driverAdapterError?.cause;
    return { model: e.meta?.modelName ?? null, fields: constraintFields(cause?.constraint, e.meta?.target) };
  }
  // A driver error that reached us unwrapped (raw queries through an adapter).
  if (e.name === "DriverAdapterError" && e.cause?.kind === "UniqueConstraintViolation") {
    return { model: null, fields: constraintFields(e.cause.constraint, undefined) };
  }
  return null;
}

export function databaseError(error: unknown, uniqueError: (fields: string[]) => AppError | undefined): unknown {
  if (error instanceof AppError) return error;
  const unique = uniqueViolation(error);
  if (unique) {
    const mapped = uniqueError(unique.fields);
    if (mapped) return mapped;
    const what = unique.model ? `A ${unique.model.toLowerCase()}` : "A record";
    const message = `${what} with this ${unique.fields.join(" and ") || "value"} exists already`;
    return new AppError("CONFLICT", message, { issues: unique.fields.map((path) => ({ path, message })) });
  }
  const e = error as PrismaLikeError | null;
  if (e?.code === "P2025") return notFound(e.meta?.modelName ?? "Record");
  if (staleSnapshot(error)) {
    return new AppError("CONFLICT", "Another writer kept changing the same records meanwhile; try again");
  }
  if (writeConflict(e)) {
    return new AppError("CONFLICT", "Another writer was changing the same records at the same time; try again");
  }
  // P2028: the transaction could not begin within mutate()'s maxWait, or outlived its timeout;
  // SQLITE_BUSY: another process held SQLite's write lock past the busy timeout (db.ts). Nothing
  // of the transaction was committed. Like a stale snapshot, the answer is to try again.
  if (e?.code === "P2028" || sqliteBusy(e)) {
    return new AppError("CONFLICT", "The database is busy with other changes; try again");
  }
  return error;
}

import "server-only";
import type { z } from "zod";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { authorize, type Actor, type Permission } from "./authz";
import type { MutationContext } from "./context";
import { getDb, type Tx } from "./db";

/**
 * What a unique-constraint violation means to the user, by the field(s) it was on (a compound
 * key as "a,b"). The database's constraint is the check that holds under a race; the entry
 * turns it into the same error a form shows for any other taken value.
 */
export type UniqueErrors<Data> = Partial<Record<string, (data: Data) => AppError>>;

export type MutationSpec<S extends z.ZodType> = {
  permission: Permission;
  /** The shared input schema; a bad input is VALIDATION_FAILED before any query runs. */
  schema?: S;
  input?: unknown;
  unique?: UniqueErrors<z.output<S>>;
  /**
   * Who is writing beyond the actor (the seed) and when: kept with the transaction, so every
   * revision written inside it says so without each helper on the way passing it down.
   */
  context?: MutationContext;
  /**
   * How long the transaction may run, in ms (Prisma's default is 5 s): a CSV import writes up to
   * LIMITS.importRows grievances in one transaction, all or nothing.
   */
  timeoutMs?: number;
};

const contexts = new WeakMap<Tx, MutationContext>();

/** The context of the mutation whose transaction this is (empty outside one). */
export function mutationContext(tx: Tx): MutationContext {
  return contexts.get(tx) ?? {};
}

/**
 * Every write in lib/server goes through here: authorize → validate with the shared schema → one
 * transaction, so the change, its history row and its version bump commit together or not at
 * all. What the database refuses comes back as an AppError, never a 500: a unique violation
 * (the losing side of a check-then-insert race) is `spec.unique`'s error for that field or a
 * CONFLICT naming it, a record missing under an update is NOT_FOUND.
 */
export async function mutate<T, S extends z.ZodType = z.ZodUndefined>(
  actor: Actor | null,
  spec: MutationSpec<S>,
  work: (tx: Tx, data: z.output<S>, who: Actor) => Promise<T>,
): Promise<T> {
  const who = authorize(actor, spec.permission);
  const data = spec.schema ? parseOrThrow(spec.schema, spec.input) : (undefined as z.output<S>);
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        (tx) => {
          if (spec.context) contexts.set(tx, spec.context);
          return work(tx, data, who);
        },
        { maxWait: TRANSACTION_MAX_WAIT_MS, ...(spec.timeoutMs ? { timeout: spec.timeoutMs } : {}) },
      );
    } catch (error) {
      // Run again on fresh rows: the version check then answers what the other writer did (a 409).
      if (staleSnapshot(error) && attempt < STALE_SNAPSHOT_ATTEMPTS) continue;
      throw databaseError(error, (fields) => spec.unique?.[fields.join(",")]?.(data));
    }
  }
}

/**
 * How long a transaction may wait to begin: for the SQLite adapter's mutex (one transaction at a
 * time per process) or a free PostgreSQL connection. Prisma's default of 2 s turned a queue of
 * writers on a busy machine into 500s; this matches the SQLite busy timeout another process's
 * lock may take (db.ts).
 */
const TRANSACTION_MAX_WAIT_MS = 10_000;

/**
 * SQLite in WAL mode: the transaction read rows that another connection (another process on the
 * same file) has since committed over, so it may not write. Its reads were stale, not wrong, and
 * nothing was written; the in-process mutex cannot see other processes, so the runner retries.
 */
const STALE_SNAPSHOT_ATTEMPTS = 3;

function staleSnapshot(error: unknown): boolean {
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

function databaseError(error: unknown, uniqueError: (fields: string[]) => AppError | undefined): unknown {
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
  // P2028: the transaction could not begin in TRANSACTION_MAX_WAIT_MS, or outlived its timeout;
  // SQLITE_BUSY: another process held SQLite's write lock past the busy timeout (db.ts). Nothing
  // of the transaction was committed. Like a stale snapshot, the answer is to try again.
  if (e?.code === "P2028" || sqliteBusy(e)) {
    return new AppError("CONFLICT", "The database is busy with other changes; try again");
  }
  return error;
}

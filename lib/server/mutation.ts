import "server-only";
import type { z } from "zod";
import { parseOrThrow } from "@/lib/errors";
import type { AppError } from "@/lib/errors";
import { authorize, type Actor, type Permission } from "./authz";
import { databaseError, staleSnapshot } from "./database-error";
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

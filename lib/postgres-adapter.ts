import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// PostgreSQL through @prisma/adapter-pg 6.19, with two fixes the WASM schema engine needs
// (measured on these machines; docs/decisions/001-database.md), and one for pg itself (each
// connection's queries sent one after another, patchClient):
// - the engine reads catalog columns of type `name` (OID 19) and `"char"` (OID 18), which the
//   adapter refuses to decode; every result reports them as `text` (OID 25), which they are on the wire;
// - the adapter's executeScript splits scripts on ";" and so breaks dollar-quoted SQL; the whole
//   script goes to the server in one query instead.

const TEXT_OID = 25;
const AS_TEXT = new Set([18, 19]);

type Result = { fields?: Array<{ dataTypeID: number }> } | undefined;

function reportAsText(result: Result | Result[]): void {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
}

/**
 * A connection runs one query at a time. Inside a transaction Prisma loads a record's relations
 * side by side (the grievance page's parties, history, citations and agenda) on the transaction's
 * one connection, which pg queues but warns is deprecated (the queue goes in pg 9); each waits
 * here for the one before it instead, in the order sent, so a transaction's statements still run
 * as they did.
 */
function patchClient(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let previous: Promise<unknown> = Promise.resolve();
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: Result) => {
        if (!error) reportAsText(result);
        (callback as (e: unknown, r: unknown) => void)(error, result);
      };
      return query(...args);
    }
    // A cursor or stream (a "submittable") is returned to its caller as it is, not queued.
    if (typeof (args[0] as { submit?: unknown } | null)?.submit === "function") return query(...args);
    const run = () => (query(...args) as Promise<Result>).then((result) => (reportAsText(result), result));
    const pending = previous.then(run, run);
    previous = pending.catch(() => undefined);
    return pending;
  };
}

export type PostgresOptions = {
  /** Connections per app instance; several instances share the server's max_connections. */
  max?: number;
  schema?: string;
};

class ScriptSafePrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

export function createPostgresAdapter(url: string, options: PostgresOptions = {}): PrismaPg {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on("connect", patchClient);
  return new ScriptSafePrismaPg(pool, { schema: options.schema, disposeExternalPool: true });
}

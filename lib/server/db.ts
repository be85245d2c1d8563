import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { createPostgresAdapter } from "@/lib/postgres-adapter";

/** How long a writer waits for another process's write lock before giving up (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

type DbState = { client: PrismaClient; ready: Promise<void> };

/** A statement the client sent, with its parameters (JSON text, as Prisma's query event gives them). */
export type SentQuery = { query: string; params: string };

// With BACKCHANNEL_QUERY_EVENTS=1 the client emits every statement it sends, so a test can EXPLAIN
// the very SQL Prisma generated (tests/integration/query-plans.test.ts); off, it costs nothing.
const queryEvents = (): object =>
  process.env.BACKCHANNEL_QUERY_EVENTS === "1" ? { log: [{ emit: "event", level: "query" }] } : {};

function createState(): DbState {
  const target = resolveDatabaseTarget();
  if (target.kind === "postgresql") {
    // Both clients are generated from the same models (prisma/postgresql is derived), so their
    // model types are the same; the app is typed against one of them.
    const options = { adapter: createPostgresAdapter(target.url), ...queryEvents() };
    const client = new PostgresPrismaClient(options as Pick<typeof options, "adapter">) as unknown as PrismaClient;
    return { client, ready: Promise.resolve() };
  }
  fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
  const adapter = beginImmediate(new PrismaBetterSQLite3({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS }));
  const client = new PrismaClient({ adapter, ...queryEvents() } as { adapter: typeof adapter });
  return { client, ready: configureSqlite(client) };
}

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), not at its first
 * write as the adapter's plain BEGIN does. Several processes may write to one file (npm start's
 * workers, a script): a deferred transaction that has read and then finds another process
 * holding the lock fails at once with SQLITE_BUSY, since SQLite cannot wait there without
 * risking a deadlock, and one whose snapshot another commit overtook fails with
 * SQLITE_BUSY_SNAPSHOT. BEGIN IMMEDIATE instead waits for the lock (the busy timeout), so writers
 * queue, and no commit can land between a transaction's version check and its write. Within a
 * process the adapter's mutex already runs one transaction at a time, so nothing waits longer.
 * The adapter has no option for it; its connection is the one place the statement is prepared.
 */
function beginImmediate(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client: BetterSqliteConnection }).client;
    const prepare = connection.prepare.bind(connection);
    connection.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return factory;
}

type BetterSqliteConnection = { prepare(sql: string): unknown };

/**
 * Per-connection settings. The adapter holds one connection per client, so running these once
 * covers every query: WAL lets readers go on while one writer writes, synchronous=FULL makes a
 * committed status change survive a power cut, and foreign keys are off by default in SQLite.
 */
async function configureSqlite(client: PrismaClient): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = FULL");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await client.$executeRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
}

// One client per process; kept on globalThis so that Next's dev server reloading modules does
// not open a new connection on every edit.
const globalForDb = globalThis as unknown as { backchannelDb?: DbState };

function getState(): DbState {
  globalForDb.backchannelDb ??= createState();
  return globalForDb.backchannelDb;
}

/** The app's Prisma client, configured. Only code in lib/server calls this. */
export async function getDb(): Promise<PrismaClient> {
  const state = getState();
  await state.ready;
  return state.client;
}

export type DurabilitySettings =
  | { kind: "sqlite"; journalMode: string; synchronous: number; foreignKeys: number; busyTimeoutMs: number }
  | { kind: "postgresql"; synchronousCommit: string; fsync: string; fullPageWrites: string };

/**
 * What the app's own connection commits with, read back from the database rather than from this
 * file: a crash test cannot tell synchronous=FULL from OFF (a killed process leaves its writes in
 * the OS page cache), so tests/integration/durability.test.ts checks these instead.
 */
export async function durabilitySettings(): Promise<DurabilitySettings> {
  const db = await getDb();
  if (resolveDatabaseTarget().kind === "postgresql") {
    const show = async (name: string) =>
      (await db.$queryRawUnsafe<Array<Record<string, string>>>(`SHOW ${name}`))[0]?.[name] ?? "";
    return {
      kind: "postgresql",
      synchronousCommit: await show("synchronous_commit"),
      fsync: await show("fsync"),
      fullPageWrites: await show("full_page_writes"),
    };
  }
  const pragma = async (name: string) =>
    Object.values((await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`))[0] ?? {})[0];
  return {
    kind: "sqlite",
    journalMode: String(await pragma("journal_mode")),
    synchronous: Number(await pragma("synchronous")),
    foreignKeys: Number(await pragma("foreign_keys")),
    busyTimeoutMs: Number(await pragma("busy_timeout")),
  };
}

/** Calls `listener` with every statement the client sends; needs BACKCHANNEL_QUERY_EVENTS=1 set before the first query. */
export async function onQuery(listener: (query: SentQuery) => void): Promise<void> {
  const client = (await getDb()) as unknown as { $on(event: "query", cb: (e: SentQuery) => void): void };
  client.$on("query", (e) => listener({ query: e.query, params: e.params }));
}

/** Closes the connection; scripts and tests call it so the process can exit. */
export async function disconnectDb(): Promise<void> {
  const state = globalForDb.backchannelDb;
  globalForDb.backchannelDb = undefined;
  if (state) await state.client.$disconnect();
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

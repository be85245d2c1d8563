import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

// System tests run the built app as a user would (scripts/serve.mjs, what `npm start` serves
// with, on a real database), after the browser journeys have built it. scripts/test.mjs runs them
// on SQLite and on PostgreSQL.

const SERVE = path.resolve("scripts/serve.mjs");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** How many rows a table holds, read straight from the database the server under test runs on. */
export async function rowCount(
  database: { url: string; kind: "sqlite" | "postgresql" },
  table: string,
): Promise<number> {
  const sql = `SELECT count(*) AS n FROM "${table}"`;
  if (database.kind === "sqlite") {
    const db = new Database(database.url.replace(/^file:/, ""), { readonly: true });
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

/** A database of the kind TEST_DATABASE_URL names (PostgreSQL) or a fresh SQLite file. */
export async function freshDatabase(
  name: string,
): Promise<{ url: string; kind: "sqlite" | "postgresql"; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (server && /^postgres/.test(server)) {
    const db = `bc_system_${name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${db}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${db}`;
    return {
      url: url.toString(),
      kind: "postgresql",
      drop: async () => {
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = path.resolve(`data/system/${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return {
    url: `file:${path.join(dir, "bc.db")}`,
    kind: "sqlite",
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function node(args: string[], databaseUrl: string): string {
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Migrates and seeds as `npm start` does, and returns an API token for a new user of `role`. */
export function prepare(
  databaseUrl: string,
  role: "analyst" | "admin" = "analyst",
): { token: string; email: string; password: string } {
  node(["scripts/prisma.mjs", "migrate", "deploy"], databaseUrl);
  node(["scripts/run-ts.mjs", "scripts/seed.ts"], databaseUrl);
  const email = `${role}-${process.pid}@example.org`;
  const password = "a long system-test password";
  node(
    ["scripts/run-ts.mjs", "scripts/users.ts", "create", "--email", email, "--role", role, "--password", password],
    databaseUrl,
  );
  const out = node(["scripts/run-ts.mjs", "scripts/users.ts", "token", "--email", email], databaseUrl);
  return { token: out.trim().split("\n").at(-1)!, email, password };
}

export type Server = { port: number; url: string; process: ChildProcess; output: () => string };

/**
 * The existing build served on 127.0.0.1 as `npm start` serves it (scripts/serve.mjs), ready when
 * its API answers. `env` adds to the server's environment (e.g. BACKCHANNEL_TRUSTED_PROXIES).
 */
export async function startServer(
  databaseUrl: string,
  token: string,
  { env = {} }: { env?: Record<string, string> } = {},
): Promise<Server> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [SERVE], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/api/v1/parties`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status === 200) return { port, url, process: child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not become ready:\n${output}`);
}

export async function stopServer(server: Server): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode) return;
  await new Promise<void>((resolve) => {
    server.process.once("exit", () => resolve());
    server.process.kill("SIGTERM");
  });
}

export function api(server: Server, token: string) {
  return async (method: string, pathname: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${pathname}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
}

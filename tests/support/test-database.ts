import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// Where the integration tests' databases live. TEST_DATABASE_URL names a PostgreSQL server to
// run them on (each run makes its own databases there and drops them); without it they run on
// SQLite files under data/test/. Both copy one migrated template per test file.

/** SQLite files of one run; runs in parallel never share a folder. */
const testDir = (runId: string) => path.resolve("data/test", runId);

export function postgresServerUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

/** Makes the migrated template for run `runId`; returns a function that removes it. */
export async function createTemplate(runId: string): Promise<() => Promise<void>> {
  const server = postgresServerUrl();
  if (server) {
    const name = `bc_test_${runId}_template`;
    await admin(server, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    migrate(withDatabase(server, name));
    return () => admin(server, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  }
  const dir = testDir(runId);
  fs.mkdirSync(dir, { recursive: true });
  migrate(`file:${path.join(dir, "template.db")}`);
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh copy of the template for one test file: its URL and a function that removes it. */
export async function createTestDatabase(runId: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const server = postgresServerUrl();
  if (server) {
    const name = `bc_test_${runId}_${suffix}`;
    await admin(server, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "bc_test_${runId}_template"`));
    return {
      url: withDatabase(server, name),
      drop: () => admin(server, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
    };
  }
  const file = path.join(testDir(runId), `${suffix}.db`);
  fs.copyFileSync(path.join(testDir(runId), "template.db"), file);
  return {
    url: `file:${file}`,
    drop: async () => {
      for (const end of ["", "-wal", "-shm"]) fs.rmSync(file + end, { force: true });
    },
  };
}

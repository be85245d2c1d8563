import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
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

/** Applies every migration not yet applied, as `npm start` does. */
export function migrate(databaseUrl: string): void {
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

/** A statement runner on a database outside the app's client: `?` placeholders on both kinds. */
export type RawDatabase = {
  url: string;
  run(sql: string, params?: unknown[]): Promise<void>;
  drop(): Promise<void>;
};

/**
 * A new database migrated only up to `lastMigration`, as an earlier release left it: the older
 * migrations' SQL applied and recorded as applied, so `migrate` brings it up to date as it would
 * an existing installation.
 */
export async function createDatabaseAt(runId: string, lastMigration: string): Promise<RawDatabase> {
  const server = postgresServerUrl();
  const folder = server ? "prisma/postgresql/migrations" : "prisma/migrations";
  const older = fs
    .readdirSync(folder)
    .filter((name) => /^\d{14}_/.test(name) && name <= lastMigration)
    .sort();
  const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let database: RawDatabase;
  if (server) {
    const name = `bc_test_${runId}_old_${suffix}`;
    await admin(server, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = withDatabase(server, name);
    database = {
      url,
      run: (sql, params = []) => {
        let n = 0;
        return admin(
          url,
          async (c) =>
            void (await c.query(
              sql.replace(/\?/g, () => `$${++n}`),
              params,
            )),
        );
      },
      drop: () => admin(server, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
    };
    for (const migration of older) {
      await admin(url, (c) => c.query(fs.readFileSync(path.join(folder, migration, "migration.sql"), "utf8")));
    }
  } else {
    fs.mkdirSync(testDir(runId), { recursive: true });
    const file = path.join(testDir(runId), `old_${suffix}.db`);
    const withFile = <T>(work: (db: Database.Database) => T): T => {
      const db = new Database(file);
      try {
        return work(db);
      } finally {
        db.close();
      }
    };
    database = {
      url: `file:${file}`,
      run: async (sql, params = []) => void withFile((db) => db.prepare(sql).run(...params)),
      drop: async () => {
        for (const end of ["", "-wal", "-shm"]) fs.rmSync(file + end, { force: true });
      },
    };
    for (const migration of older) {
      withFile((db) => db.exec(fs.readFileSync(path.join(folder, migration, "migration.sql"), "utf8")));
    }
  }
  // Recorded as `migrate deploy` records them (Prisma's own table), so it applies only the newer ones.
  const time = server ? "TIMESTAMPTZ" : "DATETIME";
  await database.run(
    `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, ` +
      `"finished_at" ${time}, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" ${time}, ` +
      `"started_at" ${time} NOT NULL DEFAULT CURRENT_TIMESTAMP, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
  );
  for (const migration of older) {
    const sql = fs.readFileSync(path.join(folder, migration, "migration.sql"));
    await database.run(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") ` +
        "VALUES (?, ?, CURRENT_TIMESTAMP, ?, 1)",
      [crypto.randomUUID(), createHash("sha256").update(sql).digest("hex"), migration],
    );
  }
  return database;
}

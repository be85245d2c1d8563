#!/usr/bin/env node
// `npm test`: every test, on both databases.
//   1. Vitest: unit tests and the integration suite on SQLite.
//   2. The integration suite again on PostgreSQL.
//   3. The Playwright journeys against the built app on SQLite, then on PostgreSQL, each followed
//      by the system tests (kill -9 mid-write; two instances behind a round-robin proxy).
// PostgreSQL comes from TEST_DATABASE_URL, or the local server on 127.0.0.1:5432 (user postgres).
// Where none answers, its legs say they are skipped and why; under CI that is a failure, so the
// PostgreSQL leg can never pass silently. `--unit` or `--e2e` runs only that half.
import { spawnSync } from "node:child_process";
import pg from "pg";

const CI = !!process.env.CI && process.env.CI !== "false";
const only = process.argv.includes("--unit") ? "unit" : process.argv.includes("--e2e") ? "e2e" : "all";
const serverUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const results = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ label, ok: result.status === 0, note: `${seconds} s` });
  return result.status === 0;
}

async function postgresUnavailable() {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return `${new URL(serverUrl).host} did not answer (${error.code ?? error.message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function withDatabase(work) {
  const name = `bc_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

const vitest = ["node_modules/vitest/vitest.mjs", "run"];
const system = [...vitest, "-c", "vitest.system.config.ts"];
const playwright = ["node_modules/@playwright/test/cli.js", "test"];
const pgSkip = await postgresUnavailable();

if (only !== "e2e") {
  run("Unit and integration tests on SQLite", process.execPath, vitest, { TEST_DATABASE_URL: "" });
  if (!pgSkip)
    run(
      "Integration tests on PostgreSQL",
      process.execPath,
      [...vitest, "tests/integration", "tests/api", "tests/reliability"],
      { TEST_DATABASE_URL: serverUrl },
    );
}
if (only !== "unit") {
  run("Browser journeys on SQLite", process.execPath, playwright, { E2E_DATABASE_URL: "" });
  // System tests start the build the journeys made: a crash mid-write, and two instances.
  run("System tests on SQLite (crash recovery, attacks)", process.execPath, system, { TEST_DATABASE_URL: "" });
  if (!pgSkip) {
    await withDatabase((url) =>
      run("Browser journeys on PostgreSQL", process.execPath, playwright, { E2E_DATABASE_URL: url }),
    );
    run("System tests on PostgreSQL (crash recovery, attacks, two instances)", process.execPath, system, {
      TEST_DATABASE_URL: serverUrl,
    });
  }
}
if (pgSkip)
  results.push({ label: "PostgreSQL legs", ok: !CI, note: `skipped: ${pgSkip}${CI ? " — required in CI" : ""}` });

console.log("\n━━ Summary");
for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.label} (${r.note})`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

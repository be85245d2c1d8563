#!/usr/bin/env node
// `npm start`: everything a new user needs, in order, with no .env and no other step:
// migrate the database, seed it when empty, build when there is no build of the current code,
// then serve. `npm run dev` does the same but serves in development mode and never builds. Both
// serve through scripts/serve.mjs, which tells the app the client's real address.
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
process.env.DATABASE_URL ||= "file:./data/backchannel.db";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";

function run(label, args, env = process.env) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// What a production build depends on. A change to any of these makes `npm start` rebuild.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const IGNORED = new Set(["node_modules", "generated", ".next"]);

function hashBuildInputs() {
  const hash = createHash("sha256");
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry).sort()) {
        if (!IGNORED.has(name) && !name.endsWith(".test.ts")) visit(path.join(entry, name));
      }
    } else {
      hash.update(entry).update("\0").update(fs.readFileSync(entry)).update("\0");
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

run("Database migrated", ["scripts/prisma.mjs", "migrate", "deploy"]);
run("Seed checked", ["scripts/run-ts.mjs", "scripts/seed.ts"]);

const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
if (!dev) {
  const stampFile = path.join(distDir, "backchannel-build-inputs.sha256");
  const wanted = hashBuildInputs();
  const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  if (built !== wanted || !fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    console.log("Building the app (first start, or the code changed since the last build)…");
    run("Built", [nextBin, "build"]);
    fs.writeFileSync(stampFile, wanted);
  } else {
    console.log("✓ Build is up to date");
  }
}

const args = ["scripts/serve.mjs", ...(dev ? ["--dev"] : [])];
console.log(
  `Backchannel on http://localhost:${port} (database: ${process.env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"})`,
);
const server = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// The Playwright web server: removes the previous run's database, then `npm start`s on it.
import fs from "node:fs";
import { spawn } from "node:child_process";

fs.rmSync("data/e2e", { recursive: true, force: true });
const server = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

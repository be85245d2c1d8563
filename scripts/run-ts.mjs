#!/usr/bin/env node
// Runs a TypeScript script that imports lib/server. The react-server condition resolves
// `server-only` to its no-op build, as it is inside Next; tsx resolves the "@/" paths.
import { spawnSync } from "node:child_process";

const [script, ...args] = process.argv.slice(2);
const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);

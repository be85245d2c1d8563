#!/usr/bin/env node
// The offline half of `npm run audit`: the installed versions of the packages in
// scripts/version-floors.json (read from node_modules/<name>/package.json) against their security
// floors. Fails (exit 1) on a package below its floor, or missing, naming the advisories it
// carries; needs no network, so it still runs where the registry's audit endpoint answers 405.
// Prints one summary line starting "version floors:".
//
//   node scripts/version-floors.mjs                     checks this checkout
//   node scripts/version-floors.mjs --root <dir>        checks <dir>/node_modules instead
//   node scripts/version-floors.mjs --floors <file>     another table (tests)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Parses "1.2.3", "v1.2.3", "1.2.3-canary.4+build"; partial "1.2" and "1" fill with zeros. */
export function parseVersion(text) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
    String(text).trim(),
  );
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2] ?? 0),
    patch: Number(match[3] ?? 0),
    prerelease: match[4] ? match[4].split(".") : [],
  };
}

/** Semver precedence: negative when a < b. A prerelease sorts before its release. */
export function compareVersions(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`Not a version: ${x ? b : a}`);
  for (const key of ["major", "minor", "patch"]) {
    if (x[key] !== y[key]) return x[key] - y[key];
  }
  if (!x.prerelease.length || !y.prerelease.length) return y.prerelease.length - x.prerelease.length;
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** One finding per package of the table: below its floor, missing, unreadable, or fine. */
export function checkFloors(table, root) {
  return Object.entries(table.packages).map(([name, { floor, advisories = [] }]) => {
    const manifest = path.join(root, "node_modules", name, "package.json");
    let installed;
    try {
      installed = JSON.parse(fs.readFileSync(manifest, "utf8")).version;
    } catch {
      return { name, floor, ok: false, problem: `not installed (no ${path.relative(root, manifest)})` };
    }
    if (!parseVersion(installed))
      return { name, floor, installed, ok: false, problem: `unreadable version "${installed}"` };
    if (compareVersions(installed, floor) >= 0) return { name, floor, installed, ok: true };
    const open = advisories.filter((a) => !a.fixedIn || compareVersions(installed, a.fixedIn) < 0);
    return {
      name,
      floor,
      installed,
      ok: false,
      problem: `${installed} is below the floor ${floor}`,
      advisories: open.map((a) => `${a.id} (fixed in ${a.fixedIn}): ${a.summary}`),
    };
  });
}

function main() {
  const option = (flag) => {
    const index = process.argv.indexOf(flag);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const root = path.resolve(option("--root") ?? path.join(here, ".."));
  const table = JSON.parse(fs.readFileSync(option("--floors") ?? path.join(here, "version-floors.json"), "utf8"));
  const findings = checkFloors(table, root);
  const failing = findings.filter((f) => !f.ok);
  for (const f of failing) {
    console.log(`  ${f.name}: ${f.problem}`);
    for (const advisory of f.advisories ?? []) console.log(`    ${advisory}`);
  }
  const summary = findings.map((f) => `${f.name} ${f.installed ?? "missing"}`).join(", ");
  if (failing.length) {
    console.log(
      `version floors: FAILED — ${failing.length} below their security floor (${summary}); see scripts/version-floors.json`,
    );
    process.exit(1);
  }
  console.log(`version floors: ok — every package at or above its security floor (${summary})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();

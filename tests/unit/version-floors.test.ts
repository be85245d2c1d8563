import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFloors, compareVersions, parseVersion, type FloorTable } from "../../scripts/version-floors.mjs";

// Security floors (scripts/version-floors.json): releases below these carry published advisories
// the app is exposed to. `npm run audit` runs scripts/version-floors.mjs, which fails on an
// installed copy below its floor without the network; this test also fails when the lockfile or
// package.json's declared range would allow anything lower, so a downgrade or a loose range
// cannot slip in unnoticed. Raise a floor there when a new advisory lands; never lower one.
const root = path.resolve(import.meta.dirname, "../..");
const TABLE = JSON.parse(fs.readFileSync(path.join(root, "scripts/version-floors.json"), "utf8")) as FloorTable;
const FLOORS: Record<string, string> = Object.fromEntries(
  Object.entries(TABLE.packages).map(([name, entry]) => [name, entry.floor]),
);

/**
 * The lowest version a package.json range allows, or null when it has no lower bound (or is
 * not a range this reads: a tag, a URL, an alias). Handles exact versions, ^, ~, =, >=, >,
 * x-ranges ("16.x", "16", "*"), hyphen ranges and "||" alternatives (the lowest of them).
 */
export function lowestAllowed(range: string): string | null {
  const alternatives = range.split("||").map((part) => part.trim());
  let lowest: string | null = null;
  for (const alternative of alternatives) {
    const bound = lowestOfAlternative(alternative);
    if (bound === null) return null;
    if (lowest === null || compareVersions(bound, lowest) < 0) lowest = bound;
  }
  return lowest;
}

function lowestOfAlternative(alternative: string): string | null {
  const hyphen = /^(\S+)\s+-\s+\S+$/.exec(alternative);
  if (hyphen) return normalize(hyphen[1]!);
  // Several comparators ("≥1.2.3 <2"): the lower bounds all apply, so the highest of them counts.
  let bound: string | null = null;
  for (const comparator of alternative.split(/\s+/).filter(Boolean)) {
    const match = /^(\^|~|=|>=|>|<=|<)?\s*(.+)$/.exec(comparator);
    if (!match) return null;
    const [, operator = "", version] = match;
    if (operator === "<" || operator === "<=") continue; // an upper bound only
    if (/^[*xX]$/.test(version!)) continue;
    const lower = normalize(version!);
    if (lower === null) return null;
    // ">1.2.3" allows 1.2.4-0 and up; 1.2.3 itself is a safe stand-in for comparing with a floor.
    if (bound === null || compareVersions(lower, bound) > 0) bound = lower;
  }
  return bound;
}

/** "16.x" → "16.0.0", "16" → "16.0.0", "16.4.6" as is; null for anything that is not a version. */
function normalize(version: string): string | null {
  const parsed = parseVersion(version.replace(/\.[xX*]/g, ""));
  if (!parsed) return null;
  const release = `${parsed.major}.${parsed.minor}.${parsed.patch}`;
  return parsed.prerelease.length ? `${release}-${parsed.prerelease.join(".")}` : release;
}

function readJson(file: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as Record<string, any>;
}

describe("the version comparator", () => {
  it("orders versions as semver does", () => {
    expect(compareVersions("16.3.8", "16.3.8")).toBe(0);
    expect(compareVersions("16.3.7", "16.3.8")).toBeLessThan(0);
    expect(compareVersions("16.10.0", "16.9.9")).toBeGreaterThan(0);
    expect(compareVersions("17.0.0", "16.99.99")).toBeGreaterThan(0);
    expect(compareVersions("16.3.8-canary.1", "16.3.8")).toBeLessThan(0);
    expect(compareVersions("16.3.8-canary.2", "16.3.8-canary.10")).toBeLessThan(0);
    expect(compareVersions("19.2.8", "19.2.10")).toBeLessThan(0);
    expect(compareVersions("v19.3.0", "19.2.8")).toBeGreaterThan(0);
  });

  it("finds the lowest version a range allows", () => {
    expect(lowestAllowed("16.4.6")).toBe("16.4.6");
    expect(lowestAllowed("^16.3.8")).toBe("16.3.8");
    expect(lowestAllowed("~19.2.8")).toBe("19.2.8");
    expect(lowestAllowed(">=16.3.8 <17")).toBe("16.3.8");
    expect(lowestAllowed("16.x")).toBe("16.0.0");
    expect(lowestAllowed("^15.0.0 || ^16.3.8")).toBe("15.0.0");
    expect(lowestAllowed("16.3.8 - 16.9.0")).toBe("16.3.8");
    expect(lowestAllowed("*")).toBeNull();
    expect(lowestAllowed("<17")).toBeNull();
    expect(lowestAllowed("latest")).toBeNull();
    expect(lowestAllowed("npm:other@1.0.0")).toBeNull();
  });
});

describe("security floors", () => {
  const pkg = readJson("package.json");
  const lock = readJson("package-lock.json");

  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`the installed ${name} is at least ${floor}`, () => {
      const installed = readJson(`node_modules/${name}/package.json`).version as string;
      expect(
        compareVersions(installed, floor),
        `node_modules/${name} is ${installed}; run npm ci`,
      ).toBeGreaterThanOrEqual(0);
    });

    it(`package-lock.json resolves ${name} to at least ${floor}`, () => {
      const locked = lock.packages?.[`node_modules/${name}`]?.version as string | undefined;
      expect(locked, `package-lock.json has no entry for ${name}`).toBeDefined();
      expect(compareVersions(locked!, floor), `package-lock.json resolves ${name} to ${locked}`).toBeGreaterThanOrEqual(
        0,
      );
    });

    it(`package.json's range for ${name} allows nothing below ${floor}`, () => {
      const range = (pkg.dependencies?.[name] ?? pkg.devDependencies?.[name]) as string | undefined;
      expect(range, `package.json does not declare ${name}`).toBeDefined();
      const lowest = lowestAllowed(range!);
      expect(lowest, `package.json's range "${range}" for ${name} has no lower bound`).not.toBeNull();
      expect(
        compareVersions(lowest!, floor),
        `package.json's range "${range}" for ${name} allows ${lowest}`,
      ).toBeGreaterThanOrEqual(0);
    });
  }

  it("react and react-dom are the same release (React refuses to run mismatched)", () => {
    expect(readJson("node_modules/react-dom/package.json").version).toBe(
      readJson("node_modules/react/package.json").version,
    );
  });
});

/** A checkout whose node_modules holds the given versions (only their package.json). */
function fakeCheckout(versions: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bc-floors-"));
  for (const [name, version] of Object.entries(versions)) {
    fs.mkdirSync(path.join(dir, "node_modules", name), { recursive: true });
    fs.writeFileSync(path.join(dir, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
  }
  return dir;
}

const floorsScript = path.join(root, "scripts/version-floors.mjs");
const runFloors = (checkoutRoot: string) =>
  spawnSync(process.execPath, [floorsScript, "--root", checkoutRoot], { encoding: "utf8" });

describe("the offline floors check (scripts/version-floors.mjs, run by npm run audit)", () => {
  const atFloor = Object.fromEntries(Object.entries(FLOORS));

  it("covers next, react, react-dom, better-auth and pg, each floor with the advisories behind it", () => {
    expect(Object.keys(FLOORS).sort()).toEqual(["better-auth", "next", "pg", "react", "react-dom"]);
    for (const [name, entry] of Object.entries(TABLE.packages)) {
      expect(entry.advisories?.length, `${name} names no advisory`).toBeGreaterThan(0);
      // A floor below a listed fix would let a known-vulnerable release through.
      for (const advisory of entry.advisories ?? [])
        expect(compareVersions(entry.floor, advisory.fixedIn), `${name} ${advisory.id}`).toBeGreaterThanOrEqual(0);
    }
  });

  it("passes this checkout's node_modules, and a checkout exactly at every floor", () => {
    const here = runFloors(root);
    expect(here.status, here.stdout + here.stderr).toBe(0);
    expect(here.stdout).toMatch(/^version floors: ok/m);
    const exact = runFloors(fakeCheckout(atFloor));
    expect(exact.status, exact.stdout + exact.stderr).toBe(0);
  });

  it.each([
    ["next", "16.3.7"],
    ["next", "16.3.8-canary.3"],
    ["react", "19.2.7"],
    ["react-dom", "19.1.0"],
    ["better-auth", "1.6.21"],
    ["pg", "7.1.0"],
  ])("fails (exit 1) when %s is downgraded to %s, naming it", (name, version) => {
    const result = runFloors(fakeCheckout({ ...atFloor, [name]: version }));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${name}: ${version} is below the floor ${FLOORS[name]}`);
    expect(result.stdout).toMatch(/^version floors: FAILED — 1 below/m);
  });

  it("names the advisories a downgraded release still carries, and only those", () => {
    const [finding] = checkFloors(
      { packages: { "better-auth": TABLE.packages["better-auth"]! } },
      fakeCheckout({ "better-auth": "1.6.13" }),
    );
    expect(finding).toMatchObject({ name: "better-auth", ok: false, installed: "1.6.13" });
    expect(finding!.advisories!.map((a) => a.split(" ")[0])).toEqual(["GHSA-qq9h-g4jm-xgf3"]);
  });

  it("fails when a package is missing or its version cannot be read", () => {
    const { next: _next, ...withoutNext } = atFloor;
    const missing = runFloors(fakeCheckout(withoutNext));
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/next: not installed/);
    const unreadable = runFloors(fakeCheckout({ ...atFloor, pg: "latest" }));
    expect(unreadable.status).toBe(1);
    expect(unreadable.stdout).toMatch(/pg: unreadable version "latest"/);
  });

  it("is what npm run audit runs first", () => {
    expect(readJson("package.json").scripts.audit).toMatch(/^node scripts\/version-floors\.mjs && /);
  });
});

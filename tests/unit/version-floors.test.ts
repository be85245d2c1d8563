import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Security floors for the framework: releases below these carry published advisories that the app
// is exposed to (React Server Components and the Next.js server). The test fails when the
// installed copy, the lockfile or package.json's declared range would allow anything lower, so a
// downgrade or a loose range cannot slip in unnoticed. Raise a floor here when a new advisory
// lands; never lower one.
const FLOORS: Record<string, string> = {
  next: "16.3.8",
  react: "19.2.8",
  "react-dom": "19.2.8",
};

const root = path.resolve(import.meta.dirname, "../..");

type Version = { major: number; minor: number; patch: number; prerelease: string[] };

/** Parses "1.2.3", "v1.2.3", "1.2.3-canary.4+build"; partial "1.2" and "1" fill with zeros. */
export function parseVersion(text: string): Version | null {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2] ?? 0),
    patch: Number(match[3] ?? 0),
    prerelease: match[4] ? match[4].split(".") : [],
  };
}

/** Semver precedence: negative when a < b. A prerelease sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`Not a version: ${x ? b : a}`);
  for (const key of ["major", "minor", "patch"] as const) {
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

// Types for scripts/version-floors.mjs, which the floors test imports.
export type Version = { major: number; minor: number; patch: number; prerelease: string[] };
export type FloorTable = {
  packages: Record<
    string,
    { floor: string; reason?: string; advisories?: Array<{ id: string; fixedIn: string; summary: string }> }
  >;
};
export type Finding = {
  name: string;
  floor: string;
  installed?: string;
  ok: boolean;
  problem?: string;
  advisories?: string[];
};
export function parseVersion(text: string): Version | null;
export function compareVersions(a: string, b: string): number;
export function checkFloors(table: FloorTable, root: string): Finding[];

import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { checkDerived } from "../../scripts/db-migrations.mjs";

describe("the PostgreSQL schema and both databases' migrations", () => {
  // One `prisma migrate diff` per migration and database, one after another: 56 s on a machine
  // at load 3.4 with 18 diffs, so the limit leaves room for a loaded CI machine and more migrations.
  it("are up to date with prisma/schema.prisma", () => {
    expect(checkDerived()).toEqual([]);
  }, 300_000);
});

import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { checkDerived } from "../../scripts/db-migrations.mjs";

describe("the PostgreSQL schema and both databases' migrations", () => {
  it("are up to date with prisma/schema.prisma", () => {
    expect(checkDerived()).toEqual([]);
  }, 60_000);
});

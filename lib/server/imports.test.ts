import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { transactionExpired } from "./imports";

// Whether an import's transaction ran out of time: on PostgreSQL the expiry arrives in whatever
// shape the query it struck reports (tests/integration/imports.test.ts shows one end to end);
// here each shape, before and after the time is up. SQLite's adapter never expires a transaction.

describe("transactionExpired", () => {
  it("is Prisma's P2028 whenever it comes", () => {
    expect(transactionExpired({ code: "P2028" }, 0, 1_000)).toBe(true);
  });

  it("is nothing that is not an error object", () => {
    for (const thrown of [null, undefined, "P2028", 42]) expect(transactionExpired(thrown, 5_000, 1_000)).toBe(false);
  });

  it("before the time is up, is no other error", () => {
    expect(transactionExpired(new Error("connection closed"), 999, 1_000)).toBe(false);
    expect(transactionExpired(new AppError("CONFLICT", "busy"), 999, 1_000)).toBe(false);
  });

  it("once the time is up (at it exactly too), is a driver error or a CONFLICT, not the import's own refusals", () => {
    expect(transactionExpired(new Error("Transaction already closed"), 1_000, 1_000)).toBe(true);
    expect(transactionExpired({ code: "P2010" }, 2_000, 1_000)).toBe(true);
    expect(transactionExpired(new AppError("CONFLICT", "busy"), 2_000, 1_000)).toBe(true);
    expect(transactionExpired(new AppError("VALIDATION_FAILED", "bad row"), 2_000, 1_000)).toBe(false);
    expect(transactionExpired(new AppError("FORBIDDEN", "viewer"), 2_000, 1_000)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { occurredAtOf, withOccurredAt } from "./occurred-at";

describe("a form's date and time as occurredAt", () => {
  it("is the date alone, or the date at that time UTC, or nothing", () => {
    expect(occurredAtOf("2025-04-10", "")).toBe("2025-04-10");
    expect(occurredAtOf("2025-04-10", "14:05")).toBe("2025-04-10T14:05:00Z");
    expect(occurredAtOf("2025-04-10", "14:05:30")).toBe("2025-04-10T14:05:30Z");
    expect(occurredAtOf(" ", undefined)).toBeUndefined();
    expect(occurredAtOf("", "14:05")).toBe("14:05");
  });

  it("replaces the two posted fields", () => {
    expect(withOccurredAt({ status: "OPEN", occurredDate: "2025-04-10", occurredTime: "" })).toEqual({
      status: "OPEN",
      occurredAt: "2025-04-10",
    });
    expect(withOccurredAt({ status: "OPEN", occurredDate: "", occurredTime: "" })).toEqual({ status: "OPEN" });
  });
});

// A case that kills a mutant Stryker found surviving occurred-at.test.ts (npm run test:mutation).

describe("withOccurredAt, branch by branch", () => {
  it("without a date or time it adds no occurredAt key at all (a present key would reach the schema)", () => {
    const out = withOccurredAt({ note: "n", occurredDate: "", occurredTime: "" });
    expect(Object.keys(out)).toEqual(["note"]);
  });
});

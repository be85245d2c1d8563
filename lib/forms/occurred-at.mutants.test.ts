import { describe, expect, it } from "vitest";
import { withOccurredAt } from "./occurred-at";

// A case that kills a mutant Stryker found surviving occurred-at.test.ts (npm run test:mutation).

describe("withOccurredAt, branch by branch", () => {
  it("without a date or time it adds no occurredAt key at all (a present key would reach the schema)", () => {
    const out = withOccurredAt({ note: "n", occurredDate: "", occurredTime: "" });
    expect(Object.keys(out)).toEqual(["note"]);
  });
});

import { describe, expect, it } from "vitest";
import { hasMeetingFilters, meetingsHref } from "./meeting-list-url";

// Cases that kill mutants Stryker found surviving meeting-list-url.test.ts (npm run test:mutation).

describe("meeting list URLs, branch by branch", () => {
  it("keeps a date range", () => {
    expect(meetingsHref({ from: "2025-01-01", to: "2025-06-30" })).toBe("/meetings?from=2025-01-01&to=2025-06-30");
    expect(meetingsHref({ to: "2025-06-30" })).toBe("/meetings?to=2025-06-30");
  });

  it("any one filter counts as filtering; paging and the deleted view do not", () => {
    expect(hasMeetingFilters({})).toBe(false);
    expect(hasMeetingFilters({ deleted: "1", cursor: "20", limit: 20, status: [] })).toBe(false);
    for (const filter of [
      { party: "russia" },
      { venue: "russian-consulate-general-istanbul" },
      { status: ["HELD" as const] },
      { from: "2025-01-01" },
      { to: "2025-06-30" },
    ])
      expect(hasMeetingFilters(filter), JSON.stringify(filter)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { hasMeetingFilters, meetingsHref } from "./meeting-list-url";

describe("meetingsHref", () => {
  it("is the bare list without filters", () => {
    expect(meetingsHref({})).toBe("/meetings");
  });

  it("keeps filters and applies changes, dropping a zero cursor", () => {
    expect(meetingsHref({ party: "russia", status: ["HELD", "PLANNED"], cursor: "50" }, { cursor: "0" })).toBe(
      "/meetings?party=russia&status=HELD%2CPLANNED",
    );
    expect(meetingsHref({ venue: "x", limit: 20 }, { cursor: "20" })).toBe("/meetings?venue=x&limit=20&cursor=20");
  });

  it("keeps the admins' deleted view", () => {
    expect(meetingsHref({ deleted: "1", party: "russia" }, { cursor: "20" })).toBe(
      "/meetings?deleted=1&party=russia&cursor=20",
    );
  });
});

describe("hasMeetingFilters", () => {
  it("ignores paging and the deleted view", () => {
    expect(hasMeetingFilters({ cursor: "50", limit: 20, deleted: "1" })).toBe(false);
    expect(hasMeetingFilters({ status: [] })).toBe(false);
    expect(hasMeetingFilters({ to: "2025-01-01" })).toBe(true);
  });
});

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

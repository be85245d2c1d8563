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

import { describe, expect, it } from "vitest";
import { defaultSortDir, filterFormHref, grievanceListHref, hasFilters, sortHref } from "./grievance-list-url";

// Cases that kill mutants Stryker found surviving grievance-list-url.test.ts (npm run test:mutation):
// each pins one branch that a changed line would get wrong.

describe("grievance list URLs, branch by branch", () => {
  it("leaves out empty, null and undefined values", () => {
    expect(grievanceListHref({ party: "", q: undefined, meeting: null as unknown as undefined })).toBe("/grievances");
    expect(grievanceListHref({ party: "", q: "visas" })).toBe("/grievances?q=visas");
  });

  it("sorts words A→Z and dates newest first when a column is first clicked", () => {
    expect(defaultSortDir("title")).toBe("asc");
    expect(defaultSortDir("category")).toBe("asc");
    expect(defaultSortDir("status")).toBe("asc");
    expect(defaultSortDir("lastMoved")).toBe("desc");
    expect(defaultSortDir("created")).toBe("desc");
  });

  it("a new sort column starts in its own default direction, not the flip of the current one", () => {
    expect(sortHref({ sort: "title", dir: "desc" }, "lastMoved")).toBe("/grievances?sort=lastMoved&dir=desc");
    expect(sortHref({ sort: "lastMoved", dir: "asc" }, "title")).toBe("/grievances?sort=title&dir=asc");
    expect(sortHref({ sort: "title", dir: "asc" }, "title")).toBe("/grievances?sort=title&dir=desc");
  });

  it("a submitted filter form: files are ignored, the first non-empty value counts, empty list items go", () => {
    const href = filterFormHref([
      ["q", new File(["x"], "upload.txt")],
      ["party", "  "],
      ["party", "russia"],
      ["status", "OPEN,,STALLED"],
      ["meeting", "m1"],
      ["limit", "25"],
    ]);
    expect(href).toBe("/grievances?party=russia&status=OPEN,STALLED&meeting=m1&limit=25");
  });

  it("a limit is kept only when it is a positive number", () => {
    expect(filterFormHref([["limit", "25"]])).toBe("/grievances?limit=25");
    for (const limit of ["0", "-5", "many"]) expect(filterFormHref([["limit", limit]])).toBe("/grievances");
  });

  it("any one filter counts as filtering; sort and paging do not", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ sort: "title", dir: "asc", cursor: "x", limit: 10 })).toBe(false);
    for (const filter of [
      { party: "russia" },
      { role: "raised" as const },
      { status: ["OPEN" as const] },
      { category: ["VISAS" as const] },
      { meeting: "m1" },
      { q: "visas" },
    ])
      expect(hasFilters(filter), JSON.stringify(filter)).toBe(true);
    expect(hasFilters({ status: [], category: [] })).toBe(false);
  });
});

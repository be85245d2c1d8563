import { describe, expect, it } from "vitest";
import { parseFiltersLenient } from "@/lib/schemas/common";
import { encodeCursor } from "@/lib/schemas/cursor";
import { GrievanceFiltersSchema } from "@/lib/schemas/grievance";
import {
  activeSort,
  defaultSortDir,
  filterFormHref,
  grievanceListHref,
  hasFilters,
  sortHref,
} from "./grievance-list-url";

describe("grievanceListHref", () => {
  it("is the bare path without filters", () => {
    expect(grievanceListHref()).toBe("/grievances");
    expect(grievanceListHref({ q: "", status: [] })).toBe("/grievances");
  });

  it("writes keys in a fixed order and lists with commas", () => {
    expect(grievanceListHref({ status: ["OPEN", "STALLED"], role: "raised", party: "russia" })).toBe(
      "/grievances?party=russia&role=raised&status=OPEN,STALLED",
    );
  });

  it("encodes free text, Cyrillic included, and round-trips through the page's parser", () => {
    const cursor = encodeCursor({ sort: "title:asc,id:asc", values: ["Визы", "c1"], position: 20, before: false });
    const href = grievanceListHref({ q: "визы & banks", limit: 20, cursor });
    expect(href).toBe(`/grievances?q=%D0%B2%D0%B8%D0%B7%D1%8B%20%26%20banks&cursor=${cursor}&limit=20`);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseFiltersLenient(GrievanceFiltersSchema, params)).toEqual({ q: "визы & banks", cursor, limit: 20 });
  });

  it("round-trips status lists through the lenient parser", () => {
    const href = grievanceListHref({ party: "russia", status: ["OPEN", "IN_NEGOTIATION"] });
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseFiltersLenient(GrievanceFiltersSchema, params)).toEqual({
      party: "russia",
      status: ["OPEN", "IN_NEGOTIATION"],
    });
  });
});

describe("sorting", () => {
  it("defaults to last moved, newest first", () => {
    expect(activeSort({})).toEqual({ key: "lastMoved", dir: "desc" });
    expect(activeSort({ sort: "title" })).toEqual({ key: "title", dir: "asc" });
  });

  it("flips the active column and starts others at their natural direction, on page one", () => {
    expect(sortHref({ party: "russia", cursor: "50" }, "lastMoved")).toBe(
      "/grievances?party=russia&sort=lastMoved&dir=asc",
    );
    expect(sortHref({ sort: "title", dir: "asc" }, "title")).toBe("/grievances?sort=title&dir=desc");
    expect(sortHref({ sort: "title", dir: "asc" }, "created")).toBe("/grievances?sort=created&dir=desc");
  });
});

describe("filterFormHref", () => {
  it("drops empty fields and joins repeated statuses", () => {
    const form = [
      ["party", "russia"],
      ["role", ""],
      ["status", "OPEN"],
      ["status", "STALLED"],
      ["category", ""],
      ["meeting", ""],
      ["q", "  "],
      ["sort", "title"],
      ["dir", "asc"],
    ] as Array<[string, string]>;
    expect(filterFormHref(form)).toBe("/grievances?party=russia&status=OPEN,STALLED&sort=title&dir=asc");
  });

  it("gives the bare list when nothing is chosen", () => {
    expect(
      filterFormHref([
        ["party", ""],
        ["q", ""],
      ]),
    ).toBe("/grievances");
  });

  it("stays in the admins' deleted list", () => {
    expect(
      filterFormHref([
        ["deleted", "1"],
        ["party", "russia"],
      ]),
    ).toBe("/grievances?deleted=1&party=russia");
    expect(sortHref({ deleted: "1" }, "title")).toBe("/grievances?deleted=1&sort=title&dir=asc");
  });
});

describe("hasFilters", () => {
  it("ignores sort, paging and the deleted view", () => {
    expect(hasFilters({ sort: "title", cursor: "50" })).toBe(false);
    expect(hasFilters({ deleted: "1" })).toBe(false);
    expect(hasFilters({ status: ["OPEN"] })).toBe(true);
  });
});

describe("as of a past day", () => {
  it("keeps asOf first in every link of the list: filters, sorting, pages and the filter form", () => {
    expect(grievanceListHref({ status: ["OPEN"], asOf: "2025-03-01", cursor: "50" })).toBe(
      "/grievances?asOf=2025-03-01&status=OPEN&cursor=50",
    );
    expect(sortHref({ asOf: "2025-03-01", cursor: "50" }, "title")).toBe(
      "/grievances?asOf=2025-03-01&sort=title&dir=asc",
    );
    expect(
      filterFormHref([
        ["asOf", "2025-03-01"],
        ["q", "visas"],
      ]),
    ).toBe("/grievances?asOf=2025-03-01&q=visas");
    expect(filterFormHref([["asOf", ""]])).toBe("/grievances");
  });

  it("round-trips through the page's parser, which drops a malformed day (today, not a wrong view)", () => {
    const params = Object.fromEntries(new URL(grievanceListHref({ asOf: "2025-03-01" }), "http://x").searchParams);
    expect(parseFiltersLenient(GrievanceFiltersSchema, params)).toEqual({ asOf: "2025-03-01" });
    expect(parseFiltersLenient(GrievanceFiltersSchema, { asOf: "2025-02-30", q: "visas" })).toEqual({ q: "visas" });
  });

  it("is not a filter: clearing the filters keeps it", () => {
    expect(hasFilters({ asOf: "2025-03-01" })).toBe(false);
  });
});

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

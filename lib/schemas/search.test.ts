import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssues } from "../errors";
import { LIMITS, unstorableTextMessage } from "./common";
import { SEARCH_KIND_LABELS, SEARCH_KINDS, SearchQuerySchema } from "./search";

// Search everywhere: the query GET /api/v1/search and the search page read, and the issue (path and
// message) a client sees when it is refused.

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

const REQUIRED = { path: "q", message: "Search is required: give q, the words to look for" };

describe("the kinds searched", () => {
  it("are labelled as the search page shows them", () => {
    expect(SEARCH_KINDS).toEqual(["grievances", "meetings", "parties", "venues", "sources"]);
    expect(SEARCH_KIND_LABELS).toEqual({
      grievances: "Grievances",
      meetings: "Meetings",
      parties: "Parties",
      venues: "Venues",
      sources: "Sources",
    });
  });
});

describe("SearchQuerySchema", () => {
  it("reads the words trimmed, and the kind, limit and deleted list", () => {
    expect(SearchQuerySchema.parse({ q: "  Istanbul visas " })).toEqual({ q: "Istanbul visas" });
    expect(SearchQuerySchema.parse({ q: "x", kind: "venues", limit: "5", deleted: "1" })).toEqual({
      q: "x",
      kind: "venues",
      limit: 5,
      deleted: "1",
    });
  });

  it("says the words are required, once, when they are missing or blank", () => {
    for (const input of [{}, { q: "" }, { q: "   " }, { q: 5 }]) {
      expect(issuesOf(SearchQuerySchema, input)).toEqual([REQUIRED]);
    }
  });

  it(`takes up to ${LIMITS.query} characters once trimmed`, () => {
    const at = "a".repeat(LIMITS.query);
    expect(SearchQuerySchema.parse({ q: ` ${at} ` }).q).toBe(at);
    expect(issuesOf(SearchQuerySchema, { q: `${at}a` })).toEqual([
      { path: "q", message: `Search must be at most ${LIMITS.query} characters` },
    ]);
  });

  it("refuses text that cannot be stored, and words with no letter or digit (they would match everything)", () => {
    expect(issuesOf(SearchQuerySchema, { q: "visas\u0000" })).toEqual([
      { path: "q", message: unstorableTextMessage("Search") },
    ]);
    for (const q of ["%", "_ \\", "%%"]) {
      expect(issuesOf(SearchQuerySchema, { q })).toEqual([{ path: "q", message: "Search needs a letter or a digit" }]);
    }
    expect(SearchQuerySchema.parse({ q: "7" }).q).toBe("7");
  });

  it("names a bad kind, limit or deleted flag", () => {
    expect(issuesOf(SearchQuerySchema, { q: "x", kind: "people" })).toEqual([
      { path: "kind", message: "Kind must be one of grievances, meetings, parties, venues, sources" },
    ]);
    expect(issuesOf(SearchQuerySchema, { q: "x", limit: "0" })).toEqual([
      { path: "limit", message: "Limit must be at least 1" },
    ]);
    expect(issuesOf(SearchQuerySchema, { q: "x", deleted: "yes" })).toEqual([
      { path: "deleted", message: "Deleted takes 1" },
    ]);
    expect(issuesOf(SearchQuerySchema, { q: "x", sort: "title" })).toEqual([
      { path: "sort", message: 'Unknown field "sort"' },
    ]);
  });
});

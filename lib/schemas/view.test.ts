import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssues } from "../errors";
import { GRIEVANCE_STATUSES } from "./enums";
import { LIMITS } from "./common";
import { queryValues, ViewCreateSchema, ViewDeleteSchema, ViewFiltersSchema, ViewUpdateSchema } from "./view";

// Saved views: the list's query string they keep, checked as the list's API checks it, and the
// name and shared flag, with the issue (path and message) a client sees when one is refused.

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

const STATUS_MESSAGE = `Must be one of ${GRIEVANCE_STATUSES.join(", ")}`;

describe("queryValues", () => {
  it("reads a query string with or without its ?, or a whole list address", () => {
    expect(queryValues("status=OPEN&q=visas")).toEqual({ status: "OPEN", q: "visas" });
    expect(queryValues("?status=OPEN")).toEqual({ status: "OPEN" });
    expect(queryValues("/grievances?status=OPEN&q=a%20b")).toEqual({ status: "OPEN", q: "a b" });
    expect(queryValues("https://example.org/grievances?party=russia")).toEqual({ party: "russia" });
    // Only the first ? starts the query; a later one is part of a value.
    expect(queryValues("??q=why?")).toEqual({ q: "why?" });
    expect(queryValues("")).toEqual({});
  });

  it("a repeated key is a list, in order; a single one is a value", () => {
    expect(queryValues("status=OPEN&q=x&status=STALLED")).toEqual({ status: ["OPEN", "STALLED"], q: "x" });
  });
});

describe("ViewFiltersSchema", () => {
  it("keeps neither the page, its size nor the deleted list", () => {
    for (const key of ["cursor", "limit", "deleted"]) {
      expect(ViewFiltersSchema.shape).not.toHaveProperty(key);
    }
    expect(ViewFiltersSchema.shape).toHaveProperty("status");
  });
});

describe("ViewCreateSchema", () => {
  it("reads the query into the list's filters, dropping the page, its size and the deleted list", () => {
    expect(
      ViewCreateSchema.parse({
        name: " Open visas ",
        query: " ?status=OPEN&status=STALLED&category=VISAS&cursor=abc&limit=5&deleted=1 ",
      }),
    ).toEqual({ name: "Open visas", query: { status: ["OPEN", "STALLED"], category: ["VISAS"] } });
  });

  it("an absent query is the whole list", () => {
    expect(ViewCreateSchema.parse({ name: "All" })).toEqual({ name: "All", query: {} });
    expect(ViewCreateSchema.parse({ name: "All", query: "" })).toEqual({ name: "All", query: {} });
  });

  it("names the filter that does not parse, under query", () => {
    expect(issuesOf(ViewCreateSchema, { name: "x", query: "status=CLOSED&dir=up" })).toEqual([
      { path: "query.status", message: STATUS_MESSAGE },
      { path: "query.dir", message: "Dir must be asc or desc" },
    ]);
  });

  it("names a list filter by its key, not by the item that does not parse", () => {
    expect(issuesOf(ViewCreateSchema, { name: "x", query: "status=OPEN,CLOSED" })).toEqual([
      { path: "query.status", message: STATUS_MESSAGE },
    ]);
  });

  it("names a key the list does not have", () => {
    expect(issuesOf(ViewCreateSchema, { name: "x", query: "status=OPEN&colour=red" })).toEqual([
      { path: "query.colour", message: "The list has no filter called colour" },
    ]);
    // zodIssues drops the code; each issue is re-raised as a refinement's.
    const issues = ViewCreateSchema.safeParse({ name: "x", query: "status=NOPE&colour=red" }).error?.issues;
    expect(issues?.map((issue) => issue.code)).toEqual(["custom", "custom"]);
  });

  it("takes a query of up to 2000 characters once trimmed", () => {
    const at = `status=OPEN${",".repeat(2000 - "status=OPEN".length)}`;
    expect(ViewCreateSchema.parse({ name: "x", query: `  ${at}  ` }).query).toEqual({ status: ["OPEN"] });
    expect(issuesOf(ViewCreateSchema, { name: "x", query: `${at},` })).toEqual([
      { path: "query", message: "Query must be at most 2000 characters" },
    ]);
  });

  it("says a query must be text, and names the name", () => {
    expect(issuesOf(ViewCreateSchema, { name: "x", query: 5 })).toEqual([
      { path: "query", message: "Query must be text" },
    ]);
    expect(issuesOf(ViewCreateSchema, {})).toEqual([{ path: "name", message: "Name is required" }]);
    expect(issuesOf(ViewCreateSchema, { name: "x".repeat(LIMITS.name + 1) })).toEqual([
      { path: "name", message: `Name must be at most ${LIMITS.name} characters` },
    ]);
  });

  it("reads shared from a form's checkbox or the API's boolean", () => {
    for (const shared of [true, "on", "1", "true"]) {
      expect(ViewCreateSchema.parse({ name: "x", shared }).shared).toBe(true);
    }
    for (const shared of [false, "0", "false"]) {
      expect(ViewCreateSchema.parse({ name: "x", shared }).shared).toBe(false);
    }
    expect(ViewCreateSchema.parse({ name: "x" })).not.toHaveProperty("shared");
    for (const shared of ["yes", "", "off", 1, null]) {
      expect(issuesOf(ViewCreateSchema, { name: "x", shared })).toEqual([
        { path: "shared", message: "Shared must be true or false" },
      ]);
    }
  });
});

describe("ViewUpdateSchema", () => {
  it("takes a new name, a shared flag or both, with the version", () => {
    expect(ViewUpdateSchema.parse({ version: "2", name: " Mine " })).toEqual({ version: 2, name: "Mine" });
    expect(ViewUpdateSchema.parse({ version: 2, shared: "0" })).toEqual({ version: 2, shared: false });
    expect(ViewUpdateSchema.parse({ version: 2, name: "Team", shared: "on" })).toEqual({
      version: 2,
      name: "Team",
      shared: true,
    });
  });

  it("refuses an edit that changes nothing, at the name", () => {
    expect(issuesOf(ViewUpdateSchema, { version: 2 })).toEqual([
      { path: "name", message: "Give a new name or shared" },
    ]);
  });

  it("names a bad field, and refuses a new query (a view keeps its filters)", () => {
    expect(issuesOf(ViewUpdateSchema, { version: 2, name: " " })).toEqual([
      { path: "name", message: "Name is required" },
    ]);
    expect(issuesOf(ViewUpdateSchema, { version: 2, shared: "maybe" })).toEqual([
      { path: "shared", message: "Shared must be true or false" },
    ]);
    expect(issuesOf(ViewUpdateSchema, { version: 2, name: "x", query: "status=OPEN" })).toEqual([
      { path: "query", message: 'Unknown field "query"' },
    ]);
  });
});

describe("ViewDeleteSchema", () => {
  it("takes the version last seen, or none", () => {
    expect(ViewDeleteSchema.parse({})).toEqual({});
    expect(ViewDeleteSchema.parse({ version: "3" })).toEqual({ version: 3 });
    expect(issuesOf(ViewDeleteSchema, { version: "x" })).toEqual([
      { path: "version", message: "Version must be a whole number written in digits" },
    ]);
  });
});

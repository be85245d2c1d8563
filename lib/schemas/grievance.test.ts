import { describe, expect, it } from "vitest";
import { zodIssues } from "../errors";
import { GrievanceCreateSchema, GrievanceFiltersSchema, GrievanceUpdateSchema } from "./grievance";

const valid = { title: "Visas", category: "VISAS", raisedBy: ["russia"], addressedTo: ["united-states"] };

function issuesOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return zodIssues(result.error as never);
}

describe("GrievanceCreateSchema", () => {
  it("trims text and de-duplicates party slugs", () => {
    const parsed = GrievanceCreateSchema.parse({ ...valid, title: "  Visas  ", raisedBy: ["russia", "RUSSIA"] });
    expect(parsed.title).toBe("Visas");
    expect(parsed.raisedBy).toEqual(["russia"]);
  });

  it.each([
    [{ ...valid, title: "   " }, "title", "Title is required"],
    [{ ...valid, title: "x".repeat(201) }, "title", "Title must be at most 200 characters"],
    [{ ...valid, category: "SPIES" }, "category", "Must be one of"],
    [{ ...valid, raisedBy: [] }, "raisedBy", "Raised by needs at least one party"],
    [{ ...valid, raisedBy: ["Not A Slug"] }, "raisedBy.0", "Use lower-case letters"],
    [{ ...valid, extra: 1 }, "extra", 'Unknown field "extra"'],
    [{ ...valid, title: 42 }, "title", "Title must be text"],
  ])("names the field and the reason (%#)", (input, path, message) => {
    const issues = issuesOf(GrievanceCreateSchema, input);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(message);
  });
});

// The change-status form and dialog send a PATCH body with a status move alone.
describe("status changes", () => {
  it("need a reason and a version", () => {
    // The reason is checked once the fields parse, so a missing version is reported first.
    expect(issuesOf(GrievanceUpdateSchema, { status: "RESOLVED" }).map((i) => i.path)).toEqual(["version"]);
    expect(issuesOf(GrievanceUpdateSchema, { status: "RESOLVED", version: 1 }).map((i) => i.path)).toEqual(["reason"]);
  });

  it("in a PATCH, a status without a reason is refused, and a reason without a status too", () => {
    expect(issuesOf(GrievanceUpdateSchema, { version: 1, status: "RESOLVED" })[0]).toEqual({
      path: "reason",
      message: "Reason is required to change the status",
    });
    expect(issuesOf(GrievanceUpdateSchema, { version: 1, reason: "why" })[0]?.path).toBe("status");
  });

  it("takes only http(s) source URLs", () => {
    const issues = issuesOf(GrievanceUpdateSchema, {
      status: "OPEN",
      reason: "r",
      version: 1,
      sourceUrl: "javascript:alert(1)",
    });
    expect(issues[0]?.path).toBe("sourceUrl");
  });
});

describe("GrievanceFiltersSchema", () => {
  it("reads comma lists and repeated keys alike", () => {
    expect(GrievanceFiltersSchema.parse({ status: "OPEN,STALLED" }).status).toEqual(["OPEN", "STALLED"]);
    expect(GrievanceFiltersSchema.parse({ status: ["OPEN", "STALLED,OPEN"] }).status).toEqual(["OPEN", "STALLED"]);
  });

  it("refuses a negative limit and unknown keys", () => {
    expect(issuesOf(GrievanceFiltersSchema, { limit: "-1" })[0]?.path).toBe("limit");
    expect(issuesOf(GrievanceFiltersSchema, { colour: "red" })[0]?.path).toBe("colour");
  });
});

const issues = (result: { error?: { issues: Array<{ path: PropertyKey[]; message: string; code: string }> } }) =>
  (result.error?.issues ?? []).map((i) => `${i.code} ${i.path.join(".")}: ${i.message}`);

describe("grievance inputs, branch by branch", () => {
  it("an empty meeting is no meeting, on create and on update", () => {
    const create = { title: "T", category: "VISAS", raisedBy: ["russia"], addressedTo: ["united-states"] };
    expect(GrievanceCreateSchema.parse({ ...create, meetingId: "" }).meetingId).toBeUndefined();
    expect(GrievanceCreateSchema.parse({ ...create, meetingId: "m1" }).meetingId).toBe("m1");
    expect(GrievanceUpdateSchema.parse({ version: 1, meetingId: "" }).meetingId).toBeUndefined();
    expect(GrievanceUpdateSchema.parse({ version: 1, status: "OPEN", reason: "r", meetingId: "m1" }).meetingId).toBe(
      "m1",
    );
  });

  it("a status change needs a reason, said on the reason field", () => {
    expect(issues(GrievanceUpdateSchema.safeParse({ version: 1, status: "STALLED" }))).toEqual([
      "custom reason: Reason is required to change the status",
    ]);
  });

  it("a meeting, a source or a date without a status change is refused, each on its own", () => {
    const refused = "custom status: Reason, meeting, source and date go with a status change";
    for (const extra of [
      { reason: "r" },
      { meetingId: "m1" },
      { sourceUrl: "https://example.org/readout" },
      { occurredAt: "2025-04-10" },
    ])
      expect(issues(GrievanceUpdateSchema.safeParse({ version: 1, ...extra })), JSON.stringify(extra)).toEqual([
        refused,
      ]);
  });
});

// What Stryker's survivors in grievance.ts showed no unit test guarding: every limit at its edge
// (at the limit accepted, one past refused), every message as the API and the forms show it, and
// each branch of the PATCH rules and of the list's filters.

const slugs = (n: number) => Array.from({ length: n }, (_, i) => `party-${i}`);

describe("GrievanceCreateSchema, field by field", () => {
  it("takes the smallest valid grievance, without description, citations, date or meeting", () => {
    expect(GrievanceCreateSchema.parse(valid)).toEqual(valid);
  });

  it("names each missing required field", () => {
    expect(issuesOf(GrievanceCreateSchema, {})).toEqual([
      { path: "title", message: "Title is required" },
      { path: "category", message: "Choose a category" },
      { path: "raisedBy", message: "Raised by must be a list of party slugs" },
      { path: "addressedTo", message: "Addressed to must be a list of party slugs" },
    ]);
  });

  it("takes a title of 200 characters, trimmed, and refuses 201", () => {
    expect(GrievanceCreateSchema.parse({ ...valid, title: ` ${"t".repeat(200)} ` }).title).toBe("t".repeat(200));
    expect(issuesOf(GrievanceCreateSchema, { ...valid, title: "t".repeat(201) })).toEqual([
      { path: "title", message: "Title must be at most 200 characters" },
    ]);
  });

  it("takes a description of 10,000 characters and refuses 10,001; blank is none", () => {
    expect(GrievanceCreateSchema.parse({ ...valid, description: "d".repeat(10_000) }).description).toHaveLength(10_000);
    expect(GrievanceCreateSchema.parse({ ...valid, description: "  " }).description).toBeUndefined();
    expect(issuesOf(GrievanceCreateSchema, { ...valid, description: "d".repeat(10_001) })).toEqual([
      { path: "description", message: "Description must be at most 10000 characters" },
    ]);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, description: 3 })).toEqual([
      { path: "description", message: "Description must be text" },
    ]);
  });

  it("says what a category must be", () => {
    expect(issuesOf(GrievanceCreateSchema, { ...valid, category: "SPIES" })).toEqual([
      { path: "category", message: "Must be one of LOCAL_STAFF, PROPERTY, VISAS, FLIGHTS, BANKING, STAFFING, OTHER" },
    ]);
  });

  it.each([
    ["raisedBy", "Raised by"],
    ["addressedTo", "Addressed to"],
  ])("%s: a list of 1 to 20 party slugs, each read as a slug, repeats dropped", (field, label) => {
    expect(GrievanceCreateSchema.parse({ ...valid, [field]: slugs(20) })[field as "raisedBy"]).toEqual(slugs(20));
    expect(GrievanceCreateSchema.parse({ ...valid, [field]: ["a", "b"] })[field as "raisedBy"]).toEqual(["a", "b"]);
    expect(
      GrievanceCreateSchema.parse({ ...valid, [field]: [" Russia ", "russia", "b"] })[field as "raisedBy"],
    ).toEqual(["russia", "b"]);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, [field]: slugs(21) })).toEqual([
      { path: field, message: `${label} takes at most 20 parties` },
    ]);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, [field]: [] })).toEqual([
      { path: field, message: `${label} needs at least one party` },
    ]);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, [field]: "russia" })).toEqual([
      { path: field, message: `${label} must be a list of party slugs` },
    ]);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, [field]: ["russia", "a--b"] })).toEqual([
      { path: `${field}.1`, message: "Use lower-case letters, digits and single hyphens" },
    ]);
  });

  it("takes up to 20 citations, each a quote and a source, and refuses 21", () => {
    const citation = { quote: "  We will not  ", source: " https://example.org/readout " };
    expect(GrievanceCreateSchema.parse({ ...valid, citations: [citation] }).citations).toEqual([
      { quote: "We will not", source: "https://example.org/readout" },
    ]);
    expect(GrievanceCreateSchema.parse({ ...valid, citations: Array(20).fill(citation) }).citations).toHaveLength(20);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, citations: Array(21).fill(citation) })).toEqual([
      { path: "citations", message: "At most 20 citations" },
    ]);
  });

  it("names a citation's missing, long or unknown parts at their row", () => {
    expect(issuesOf(GrievanceCreateSchema, { ...valid, citations: [{}] })).toEqual([
      { path: "citations.0.quote", message: "Quote is required" },
      { path: "citations.0.source", message: "Source is required" },
    ]);
    const ok = { quote: "q".repeat(2000), source: "s".repeat(2000) };
    expect(GrievanceCreateSchema.parse({ ...valid, citations: [ok] }).citations).toEqual([ok]);
    expect(
      issuesOf(GrievanceCreateSchema, {
        ...valid,
        citations: [ok, { quote: "q".repeat(2001), source: "s".repeat(2001) }],
      }),
    ).toEqual([
      { path: "citations.1.quote", message: "Quote must be at most 2000 characters" },
      { path: "citations.1.source", message: "Source must be at most 2000 characters" },
    ]);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, citations: [{ ...ok, page: 3 }] })).toEqual([
      { path: "citations.0.page", message: 'Unknown field "page"' },
    ]);
  });

  it("reads raisedAt as a date, refuses what is not one, and checks the meeting id", () => {
    expect(GrievanceCreateSchema.parse({ ...valid, raisedAt: "2025-04-10" }).raisedAt).toEqual(
      new Date("2025-04-10T00:00:00Z"),
    );
    expect(issuesOf(GrievanceCreateSchema, { ...valid, raisedAt: "10/04/2025" })).toEqual([
      { path: "raisedAt", message: "Must be a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM:SSZ)" },
    ]);
    expect(issuesOf(GrievanceCreateSchema, { ...valid, meetingId: "m/1" })).toEqual([
      { path: "meetingId", message: "Not a valid id" },
    ]);
  });
});

describe("GrievanceUpdateSchema, field by field", () => {
  it("takes a version alone, and plain field edits without a status", () => {
    expect(GrievanceUpdateSchema.parse({ version: 3 })).toEqual({ version: 3 });
    const edit = {
      version: 3,
      title: " New title ",
      description: "",
      category: "BANKING",
      raisedBy: ["b", "a", "b"],
      addressedTo: ["c"],
    };
    expect(GrievanceUpdateSchema.parse(edit)).toEqual({
      version: 3,
      title: "New title",
      description: "",
      category: "BANKING",
      raisedBy: ["b", "a"],
      addressedTo: ["c"],
    });
  });

  it("says why each edited field is refused", () => {
    expect(
      issuesOf(GrievanceUpdateSchema, {
        version: 1,
        title: "",
        description: "d".repeat(10_001),
        category: "",
        raisedBy: [],
        addressedTo: slugs(21),
        status: "",
      }),
    ).toEqual([
      { path: "title", message: "Title is required" },
      { path: "description", message: "Description must be at most 10000 characters" },
      { path: "category", message: "Choose a category" },
      { path: "raisedBy", message: "Raised by needs at least one party" },
      { path: "addressedTo", message: "Addressed to takes at most 20 parties" },
      { path: "status", message: "Choose a status" },
    ]);
    expect(issuesOf(GrievanceUpdateSchema, { version: 1, title: "t".repeat(201) })).toEqual([
      { path: "title", message: "Title must be at most 200 characters" },
    ]);
    expect(GrievanceUpdateSchema.parse({ version: 1, title: "t".repeat(200) }).title).toHaveLength(200);
  });

  it("takes a whole status change: status, reason, meeting, source and date", () => {
    const change = {
      version: 2,
      status: "STALLED",
      reason: "  No answer  ",
      meetingId: "m1",
      sourceUrl: "https://example.org/readout",
      occurredAt: "2025-04-10",
    };
    expect(GrievanceUpdateSchema.parse(change)).toEqual({
      ...change,
      reason: "No answer",
      occurredAt: new Date("2025-04-10T00:00:00Z"),
    });
  });

  it("takes a reason of 2,000 characters and refuses 2,001", () => {
    const change = { version: 1, status: "RESOLVED" };
    expect(GrievanceUpdateSchema.parse({ ...change, reason: "r".repeat(2000) }).reason).toHaveLength(2000);
    expect(issuesOf(GrievanceUpdateSchema, { ...change, reason: "r".repeat(2001) })).toEqual([
      { path: "reason", message: "Reason must be at most 2000 characters" },
    ]);
  });

  it("a blank reason with a status is no reason", () => {
    expect(issuesOf(GrievanceUpdateSchema, { version: 1, status: "RESOLVED", reason: "  " })).toEqual([
      { path: "reason", message: "Reason is required to change the status" },
    ]);
  });

  it("with no status, says so once on the status field, whatever goes with it", () => {
    expect(
      issuesOf(GrievanceUpdateSchema, {
        version: 1,
        reason: "r",
        meetingId: "m1",
        sourceUrl: "https://example.org/a",
        occurredAt: "2025-04-10",
      }),
    ).toEqual([{ path: "status", message: "Reason, meeting, source and date go with a status change" }]);
  });

  it("refuses an unknown field", () => {
    expect(issuesOf(GrievanceUpdateSchema, { version: 1, colour: "red" })).toEqual([
      { path: "colour", message: 'Unknown field "colour"' },
    ]);
  });
});

describe("GrievanceFiltersSchema, field by field", () => {
  it("takes nothing as no filter", () => {
    expect(GrievanceFiltersSchema.parse({})).toEqual({});
  });

  it("takes every filter of the list's address", () => {
    expect(
      GrievanceFiltersSchema.parse({
        party: " Russia ",
        role: "raised",
        status: "OPEN",
        category: "VISAS,BANKING",
        meeting: "m1",
        q: "  visas  ",
        sort: "lastMoved",
        dir: "desc",
        deleted: "1",
        limit: "10",
        asOf: "2025-04-10",
      }),
    ).toEqual({
      party: "russia",
      role: "raised",
      status: ["OPEN"],
      category: ["VISAS", "BANKING"],
      meeting: "m1",
      q: "visas",
      sort: "lastMoved",
      dir: "desc",
      deleted: "1",
      limit: 10,
      asOf: "2025-04-10",
    });
  });

  it.each(["title", "category", "status", "lastMoved", "created"])("sorts by %s", (sort) => {
    expect(GrievanceFiltersSchema.parse({ sort }).sort).toBe(sort);
  });

  it.each(["raised", "addressed"])("takes the role %s", (role) => {
    expect(GrievanceFiltersSchema.parse({ role }).role).toBe(role);
  });

  it.each(["asc", "desc"])("takes the direction %s", (dir) => {
    expect(GrievanceFiltersSchema.parse({ dir }).dir).toBe(dir);
  });

  it.each([
    [{ role: "chaired" }, "role", "Role must be raised or addressed"],
    [{ sort: "colour" }, "sort", "Sort must be one of title, category, status, lastMoved, created"],
    [{ dir: "up" }, "dir", "Dir must be asc or desc"],
    [{ deleted: "yes" }, "deleted", "Deleted takes 1"],
    [
      { status: "OPEN,NOPE" },
      "status.1",
      "Must be one of OPEN, IN_NEGOTIATION, PARTIALLY_RESOLVED, RESOLVED, STALLED, WITHDRAWN",
    ],
    [
      { category: "SPIES" },
      "category.0",
      "Must be one of LOCAL_STAFF, PROPERTY, VISAS, FLIGHTS, BANKING, STAFFING, OTHER",
    ],
    [{ meeting: "m 1" }, "meeting", "Not a valid id"],
    [{ party: "A_B" }, "party", "Use lower-case letters, digits and single hyphens"],
    [{ q: "q".repeat(201) }, "q", "Search must be at most 200 characters"],
    [{ q: "a\u0000" }, "q", "Search contains a character that cannot be stored (a NUL or an unpaired surrogate)"],
    [{ asOf: "10/04/2025" }, "asOf", "Must be a date (YYYY-MM-DD)"],
  ])("refuses %j at %s: %s", (input, path, message) => {
    expect(issuesOf(GrievanceFiltersSchema, input)).toEqual([{ path, message }]);
  });

  it("takes a search of 200 characters, counted after trimming", () => {
    expect(GrievanceFiltersSchema.parse({ q: ` ${"q".repeat(200)} ` }).q).toBe("q".repeat(200));
  });
});

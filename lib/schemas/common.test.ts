import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSchema } from "zod-openapi";
import { zodIssues } from "../errors";
import { AgendaNoteUpdateSchema } from "./agenda";
import {
  CalendarDateSchema,
  clearableText,
  commaList,
  conflictBodyOf,
  countedPageOf,
  ErrorBodySchema,
  ErrorIssueSchema,
  HistoryActorSchema,
  IdSchema,
  isStorableText,
  LIMITS,
  OccurredAtSchema,
  optionalText,
  PageLimitSchema,
  pageOf,
  parseFiltersLenient,
  parseOccurredAt,
  requiredText,
  slugify,
  SlugSchema,
  SourceUrlSchema,
  TimestampSchema,
  unstorableTextMessage,
  VersionSchema,
} from "./common";
import { GrievanceFiltersSchema, GrievanceUpdateSchema } from "./grievance";
import { MeetingFiltersSchema, MeetingUpdateSchema, OutcomeInputSchema } from "./meeting";
import { PartyUpdateSchema } from "./party";
import { VenueUpdateSchema } from "./venue";

// Versions and page sizes are whole numbers written as digits: a JSON number that is an integer,
// or (from a form field or a query string) a string of digits with nothing around them. What
// Number() would also read (booleans, one-element arrays, hex, exponents, signs, spaces) is refused
// with the field named, wherever the schema is used.

/** Values a client could send that are not a whole number written in digits. */
const NOT_DIGITS: unknown[] = [
  true,
  false,
  [2],
  ["2"],
  {},
  null,
  "0x3",
  "0b11",
  "0o3",
  "1e2",
  "3.0",
  "3.",
  ".3",
  " 3",
  "3 ",
  "\t3",
  "+3",
  "3_000",
  "３", // a full-width digit
  "٣", // an Arabic-Indic digit
  "",
  "Infinity",
  "NaN",
  "9".repeat(16),
  3.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
];

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

describe("VersionSchema", () => {
  it.each(NOT_DIGITS.map((value) => [JSON.stringify(value) ?? String(value), value]))(
    "refuses %s, naming the version",
    (_, value) => {
      expect(issuesOf(VersionSchema, value)).toEqual([
        { path: "", message: "Version must be a whole number written in digits" },
      ]);
    },
  );

  it.each([
    [0, "Version must be at least 1"],
    ["0", "Version must be at least 1"],
    [-1, "Version must be at least 1"],
    ["-1", "Version must be a whole number written in digits"],
    // A PostgreSQL Int column holds no more.
    [2_147_483_648, "Version must be at most 2147483647"],
    ["2147483648", "Version must be at most 2147483647"],
    [undefined, "Version is required"],
  ])("refuses %j: %s", (value, message) => {
    expect(issuesOf(VersionSchema, value)).toEqual([{ path: "", message }]);
  });

  it.each([
    [1, 1],
    [3, 3],
    ["3", 3],
    ["007", 7],
    [2_147_483_647, 2_147_483_647],
    ["2147483647", 2_147_483_647],
  ])("reads %j as %d", (value, expected) => {
    expect(VersionSchema.parse(value)).toBe(expected);
  });
});

describe("PageLimitSchema", () => {
  it.each(NOT_DIGITS.map((value) => [JSON.stringify(value) ?? String(value), value]))(
    "refuses %s, naming the limit",
    (_, value) => {
      expect(issuesOf(PageLimitSchema, value)).toEqual([
        { path: "", message: "Limit must be a whole number written in digits" },
      ]);
    },
  );

  it.each([
    ["0", "Limit must be at least 1"],
    ["101", "Limit must be at most 100"],
    [101, "Limit must be at most 100"],
    ["-5", "Limit must be a whole number written in digits"],
  ])("refuses %j: %s", (value, message) => {
    expect(issuesOf(PageLimitSchema, value)).toEqual([{ path: "", message }]);
  });

  it.each([
    ["1", 1],
    ["16", 16],
    ["100", 100],
    [50, 50],
  ])("reads %j as %d", (value, expected) => {
    expect(PageLimitSchema.parse(value)).toBe(expected);
  });
});

// Every schema that carries a version or a limit uses the shared one: each refuses the values of
// the issue (`"version": true`, `[2]`, `"0x3"`; `limit=0x10`, `limit=1e2`) at the field's path.
describe("the schemas that take a version or a limit", () => {
  const versioned: Array<[string, z.ZodType, Record<string, unknown>]> = [
    ["GrievanceUpdateSchema", GrievanceUpdateSchema, { description: "x" }],
    ["MeetingUpdateSchema", MeetingUpdateSchema, { summary: "x" }],
    ["OutcomeInputSchema", OutcomeInputSchema, { grievanceId: "g1", note: "x" }],
    ["PartyUpdateSchema", PartyUpdateSchema, { shortName: "x" }],
    ["VenueUpdateSchema", VenueUpdateSchema, { note: "x" }],
    ["AgendaNoteUpdateSchema", AgendaNoteUpdateSchema, { note: "x" }],
  ];

  describe.each(versioned)("%s", (_, schema, rest) => {
    it.each([[true], [[2]], ["0x3"], ["1e2"], [" 3"], [3.5]])("refuses version %j at `version`", (version) => {
      expect(issuesOf(schema, { ...rest, version })).toEqual([
        { path: "version", message: "Version must be a whole number written in digits" },
      ]);
    });

    it("takes a version as a number and as digits", () => {
      expect(schema.parse({ ...rest, version: 4 })).toMatchObject({ version: 4 });
      expect(schema.parse({ ...rest, version: "4" })).toMatchObject({ version: 4 });
    });
  });

  describe.each([
    ["GrievanceFiltersSchema", GrievanceFiltersSchema],
    ["MeetingFiltersSchema", MeetingFiltersSchema],
  ] as const)("%s", (_, schema) => {
    it.each(["0x10", "1e2", "16.0", "+16", " 16", "16abc"])("refuses limit=%s at `limit`", (limit) => {
      expect(issuesOf(schema, { limit })).toEqual([
        { path: "limit", message: "Limit must be a whole number written in digits" },
      ]);
    });

    it("reads limit=16", () => {
      expect(schema.parse({ limit: "16" })).toEqual({ limit: 16 });
    });
  });
});

// What Stryker's survivors in common.ts showed no unit test guarding: each builder's messages
// (the API and the forms show them as they are), the blank-means-absent rule, the date-only
// reading, comma lists, the lenient URL parse, and the response envelopes.

const messagesOf = (schema: z.ZodType, input: unknown) => issuesOf(schema, input).map((issue) => issue.message);

describe("the text builders", () => {
  const required = requiredText("Title", 5);
  const optional = optionalText("Note", 5);
  const clearable = clearableText("Note", 5);

  it("tell storable text from a NUL or an unpaired surrogate, each on its own", () => {
    expect(isStorableText("Привет, İstanbul")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("a\ud800b")).toBe(false);
    expect(unstorableTextMessage("Title")).toBe(
      "Title contains a character that cannot be stored (a NUL or an unpaired surrogate)",
    );
  });

  it("name the field in every message of requiredText", () => {
    expect(required.parse("  abc  ")).toBe("abc");
    expect(messagesOf(required, undefined)).toEqual(["Title is required"]);
    expect(messagesOf(required, 7)).toEqual(["Title must be text"]);
    expect(messagesOf(required, "   ")).toEqual(["Title is required"]);
    expect(messagesOf(required, "abcdef")).toEqual(["Title must be at most 5 characters"]);
    expect(messagesOf(required, "a\u0000")).toEqual([unstorableTextMessage("Title")]);
  });

  it("read a blank optional field as absent, and name the field in its messages", () => {
    expect(optional.parse("")).toBeUndefined();
    expect(optional.parse("   ")).toBeUndefined();
    expect(optional.parse(" ab ")).toBe("ab");
    expect(optional.parse(undefined)).toBeUndefined();
    expect(messagesOf(optional, 7)).toEqual(["Note must be text"]);
    expect(messagesOf(optional, "abcdef")).toEqual(["Note must be at most 5 characters"]);
    expect(messagesOf(optional, "\ud800")).toEqual([unstorableTextMessage("Note")]);
  });

  it("keep a clearable field's empty string, so an edit can clear it", () => {
    expect(clearable.parse("")).toBe("");
    expect(clearable.parse("  ")).toBe("");
    expect(clearable.parse(undefined)).toBeUndefined();
    expect(messagesOf(clearable, 7)).toEqual(["Note must be text"]);
    expect(messagesOf(clearable, "abcdef")).toEqual(["Note must be at most 5 characters"]);
    expect(messagesOf(clearable, "\u0000")).toEqual([unstorableTextMessage("Note")]);
  });
});

describe("slugify", () => {
  it("folds a name as search does and joins its words with single hyphens", () => {
    expect(slugify("Türkiye")).toBe("turkiye");
    expect(slugify("  United   States (U.S.)  ")).toBe("united-states-u-s");
    expect(slugify("--Embassy, Moscow--")).toBe("embassy-moscow");
    expect(slugify("ab")).toBe("ab");
  });

  it("cuts a long name at the slug limit without leaving a hyphen at the end", () => {
    const name = `${"a".repeat(LIMITS.slug - 1)} b`;
    expect(slugify(name)).toBe("a".repeat(LIMITS.slug - 1));
    expect(slugify("x".repeat(LIMITS.slug + 5))).toHaveLength(LIMITS.slug);
  });
});

describe("slugs, ids and source URLs", () => {
  it("reads a slug, and says why one is refused", () => {
    expect(SlugSchema.parse(" United-States ")).toBe("united-states");
    expect(messagesOf(SlugSchema, 3)).toEqual(["Must be a slug"]);
    expect(messagesOf(SlugSchema, "")).toEqual([
      "Slug is required",
      "Use lower-case letters, digits and single hyphens",
    ]);
    expect(messagesOf(SlugSchema, "a".repeat(LIMITS.slug + 1))).toEqual([
      `Slug must be at most ${LIMITS.slug} characters`,
    ]);
    for (const bad of ["a--b", "-a", "a-", "a_b"]) {
      expect(messagesOf(SlugSchema, bad)).toEqual(["Use lower-case letters, digits and single hyphens"]);
    }
  });

  it("reads an id, and refuses one with anything but letters, digits, _ and - from end to end", () => {
    expect(IdSchema.parse(" ck_1-A ")).toBe("ck_1-A");
    expect(messagesOf(IdSchema, 3)).toEqual(["Must be an id"]);
    expect(messagesOf(IdSchema, "")).toEqual(["Id is required", "Not a valid id"]);
    expect(messagesOf(IdSchema, "a".repeat(65))).toEqual(["Id is too long"]);
    expect(messagesOf(IdSchema, "ab/")).toEqual(["Not a valid id"]);
    expect(messagesOf(IdSchema, "/ab")).toEqual(["Not a valid id"]);
  });

  it("reads a source URL over http or https only; blank is absent", () => {
    expect(SourceUrlSchema.parse("")).toBeUndefined();
    expect(SourceUrlSchema.parse("  ")).toBeUndefined();
    expect(SourceUrlSchema.parse("http://example.org/a")).toBe("http://example.org/a");
    expect(SourceUrlSchema.parse("https://example.org/a")).toBe("https://example.org/a");
    for (const bad of ["ftp://example.org", "xhttps://example.org", "httpsx://example.org", "not a url"]) {
      expect(messagesOf(SourceUrlSchema, bad)).toEqual(["Must be an http or https URL"]);
    }
    expect(messagesOf(SourceUrlSchema, `https://example.org/${"a".repeat(LIMITS.url)}`)).toEqual([
      `URL must be at most ${LIMITS.url} characters`,
    ]);
    expect(messagesOf(SourceUrlSchema, "https://example.org/\ud800")).toContain(unstorableTextMessage("URL"));
  });
});

describe("dates", () => {
  it("reads a calendar date, refusing year 0000 and anything else", () => {
    expect(CalendarDateSchema.parse("2025-02-27")).toBe("2025-02-27");
    expect(messagesOf(CalendarDateSchema, "27/02/2025")).toEqual(["Must be a date (YYYY-MM-DD)"]);
    expect(messagesOf(CalendarDateSchema, "0000-01-01")).toEqual(["Must be a date in year 1 or later"]);
  });

  it("reads a bare date as that day at 00:00 UTC and a date-time as written", () => {
    expect(parseOccurredAt("2025-02-27").toISOString()).toBe("2025-02-27T00:00:00.000Z");
    expect(parseOccurredAt("2025-02-27T10:30:00+03:00").toISOString()).toBe("2025-02-27T07:30:00.000Z");
    // Not a bare date: read by Date itself, not given a "T00:00:00Z" (which would make it invalid).
    expect(parseOccurredAt("2025-02-27T10:30:00Z").toISOString()).toBe("2025-02-27T10:30:00.000Z");
    expect(Number.isNaN(parseOccurredAt("12025-02-27").getTime())).toBe(false);
    expect(parseOccurredAt("x2025-02-27").getTime()).toBeNaN();
  });

  it("says what an occurredAt must be, refuses the future, and reads blank as absent", () => {
    expect(OccurredAtSchema.parse("")).toBeUndefined();
    expect(OccurredAtSchema.parse(" ")).toBeUndefined();
    expect(messagesOf(OccurredAtSchema, "soon")).toEqual([
      "Must be a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM:SSZ)",
    ]);
    expect(messagesOf(OccurredAtSchema, "2999-01-01")).toEqual(["The date it happened cannot be in the future"]);
  });

  it("accepts a timestamp with an offset", () => {
    expect(TimestampSchema.parse("2025-02-27T10:30:00+03:00")).toBe("2025-02-27T10:30:00+03:00");
  });
});

describe("commaList", () => {
  const list = commaList(z.enum(["OPEN", "STALLED", "RESOLVED"]));

  it("reads a comma list or repeated keys, trimmed, without blanks or repeats", () => {
    expect(list.parse("OPEN, STALLED,,OPEN")).toEqual(["OPEN", "STALLED"]);
    expect(list.parse(["OPEN", " STALLED ,RESOLVED"])).toEqual(["OPEN", "STALLED", "RESOLVED"]);
  });

  it("reads nothing, null, blank and only commas as no filter", () => {
    for (const none of [undefined, null, "", " , ,"]) expect(list.parse(none)).toBeUndefined();
  });

  it("refuses a value that is not text rather than dropping it", () => {
    expect(list.safeParse([3]).success).toBe(false);
    expect(list.safeParse("OPEN,NOPE").success).toBe(false);
  });
});

describe("parseFiltersLenient", () => {
  it("drops each key that does not parse and keeps the others", () => {
    expect(parseFiltersLenient(GrievanceFiltersSchema, { status: "NOPE", q: "visas", limit: "x" })).toEqual(
      GrievanceFiltersSchema.parse({ q: "visas" }),
    );
  });

  it("reads a repeated list key as a list, and a repeated plain key by its first value", () => {
    const parsed = parseFiltersLenient(GrievanceFiltersSchema, { status: ["OPEN", "STALLED"], q: ["visas", "banks"] });
    expect(parsed.status).toEqual(["OPEN", "STALLED"]);
    expect(parsed.q).toBe("visas");
  });
});

describe("the response envelopes", () => {
  it("a page has items and a next cursor, nothing else", () => {
    const page = pageOf(IdSchema);
    expect(page.parse({ items: ["a"], nextCursor: null })).toEqual({ items: ["a"], nextCursor: null });
    expect(page.safeParse({ items: ["a"] }).success).toBe(false);
    expect(page.safeParse({ items: ["a"], nextCursor: null, extra: 1 }).success).toBe(false);
  });

  it("a counted page also has a total that is never negative", () => {
    const page = countedPageOf(IdSchema);
    expect(page.parse({ items: [], nextCursor: "c", total: 3 }).total).toBe(3);
    expect(page.safeParse({ items: [], nextCursor: null }).success).toBe(false);
    expect(page.safeParse({ items: [], nextCursor: null, total: -1 }).success).toBe(false);
  });

  it("an error body names its code, message and issues; a conflict also carries the record", () => {
    const error = { code: "NOT_FOUND", message: "Gone", issues: [{ path: "", message: "Gone" }] };
    expect(ErrorBodySchema.parse({ error })).toEqual({ error });
    expect(ErrorBodySchema.safeParse({ error: { code: "NOPE", message: "", issues: [] } }).success).toBe(false);
    expect(ErrorBodySchema.safeParse({ error: { code: "NOT_FOUND", message: "x" } }).success).toBe(false);
    expect(ErrorIssueSchema.safeParse({ path: "a" }).success).toBe(false);
    const conflict = conflictBodyOf(IdSchema);
    const body = { error: { code: "CONFLICT", message: "Stale", issues: [], current: "abc" } };
    expect(conflict.parse(body)).toEqual(body);
    expect(conflict.safeParse({ error: { ...body.error, code: "NOT_FOUND" } }).success).toBe(false);
    expect(conflict.safeParse({ error: { ...body.error, current: "a/b" } }).success).toBe(false);
    expect(HistoryActorSchema.parse(null)).toBeNull();
    expect(HistoryActorSchema.safeParse({ name: "A" }).success).toBe(false);
  });

  it("the OpenAPI document describes a version as an integer in range, and the envelopes' fields", () => {
    const version = createSchema(VersionSchema, { io: "input" }).schema;
    expect(version).toMatchObject({ type: "integer", minimum: 1, maximum: 2_147_483_647 });
    expect(version).not.toHaveProperty("anyOf");
    const counted = z.toJSONSchema(countedPageOf(IdSchema)) as { properties: Record<string, { description?: string }> };
    expect(counted.properties.total!.description).toBe("Rows matching the filters, on every page");
    expect(counted.properties.nextCursor!.description).toMatch(/^Pass as `cursor`/);
    expect((z.toJSONSchema(ErrorIssueSchema) as typeof counted).properties.path!.description).toMatch(/^Dotted path/);
    expect((z.toJSONSchema(TimestampSchema) as { description?: string }).description).toBe("ISO 8601 date-time (UTC)");
    expect((z.toJSONSchema(OccurredAtSchema, { io: "input" }) as { description?: string }).description).toMatch(
      /^When it happened/,
    );
  });
});

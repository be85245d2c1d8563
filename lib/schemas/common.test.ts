import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssues } from "../errors";
import { AgendaNoteUpdateSchema } from "./agenda";
import { PageLimitSchema, VersionSchema } from "./common";
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

import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssues } from "../errors";
import { LIMITS } from "./common";
import { PARTY_KINDS } from "./enums";
import { PartyCreateSchema, PartyFiltersSchema, PartyMergeSchema, PartyUpdateSchema } from "./party";

// The party inputs as the API and the forms read them: what each field takes, and the issue (path
// and message, as lib/errors.ts hands it to a client) when it does not.

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

const KIND_MESSAGE = `Must be one of ${PARTY_KINDS.join(", ")}`;

describe("PartyCreateSchema", () => {
  it("reads a party with only a name; an empty slug, short name or kind is none given", () => {
    expect(PartyCreateSchema.parse({ name: "  Türkiye " })).toEqual({ name: "Türkiye" });
    expect(PartyCreateSchema.parse({ name: "Türkiye", slug: "", shortName: " ", kind: "" })).toEqual({
      name: "Türkiye",
    });
  });

  it("reads every field, the slug in lower case", () => {
    expect(
      PartyCreateSchema.parse({ name: "United States", slug: " United-States ", shortName: " US ", kind: "STATE" }),
    ).toEqual({ name: "United States", slug: "united-states", shortName: "US", kind: "STATE" });
  });

  it("names the field and says why, for each field", () => {
    expect(issuesOf(PartyCreateSchema, {})).toEqual([{ path: "name", message: "Name is required" }]);
    expect(issuesOf(PartyCreateSchema, { name: "   " })).toEqual([{ path: "name", message: "Name is required" }]);
    expect(issuesOf(PartyCreateSchema, { name: "x".repeat(LIMITS.name + 1) })).toEqual([
      { path: "name", message: `Name must be at most ${LIMITS.name} characters` },
    ]);
    expect(issuesOf(PartyCreateSchema, { name: "A", slug: "a_b" })).toEqual([
      { path: "slug", message: "Use lower-case letters, digits and single hyphens" },
    ]);
    expect(issuesOf(PartyCreateSchema, { name: "A", slug: 5 })).toEqual([{ path: "slug", message: "Must be a slug" }]);
    expect(issuesOf(PartyCreateSchema, { name: "A", shortName: "x".repeat(LIMITS.shortName + 1) })).toEqual([
      { path: "shortName", message: `Short name must be at most ${LIMITS.shortName} characters` },
    ]);
    expect(issuesOf(PartyCreateSchema, { name: "A", shortName: 5 })).toEqual([
      { path: "shortName", message: "Short name must be text" },
    ]);
    expect(issuesOf(PartyCreateSchema, { name: "A", kind: "EMPIRE" })).toEqual([
      { path: "kind", message: KIND_MESSAGE },
    ]);
    expect(issuesOf(PartyCreateSchema, { name: "A", colour: "red" })).toEqual([
      { path: "colour", message: 'Unknown field "colour"' },
    ]);
  });

  it("takes a name and a short name up to their limits", () => {
    const name = "x".repeat(LIMITS.name);
    const shortName = "y".repeat(LIMITS.shortName);
    expect(PartyCreateSchema.parse({ name, shortName })).toEqual({ name, shortName });
  });
});

describe("PartyUpdateSchema", () => {
  it("an empty kind leaves the kind as it is (the select's blank option)", () => {
    expect(PartyUpdateSchema.parse({ version: 1, kind: "" }).kind).toBeUndefined();
    expect(PartyUpdateSchema.parse({ version: 1, kind: "STATE" }).kind).toBe("STATE");
    expect(issuesOf(PartyUpdateSchema, { version: 1, kind: "EMPIRE" })).toEqual([
      { path: "kind", message: KIND_MESSAGE },
    ]);
  });

  it("an empty short name clears it; absent leaves it", () => {
    expect(PartyUpdateSchema.parse({ version: 1, shortName: " " })).toEqual({ version: 1, shortName: "" });
    expect(PartyUpdateSchema.parse({ version: 1 })).toEqual({ version: 1 });
    expect(issuesOf(PartyUpdateSchema, { version: 1, shortName: "x".repeat(LIMITS.shortName + 1) })).toEqual([
      { path: "shortName", message: `Short name must be at most ${LIMITS.shortName} characters` },
    ]);
  });

  it("a name, when given, is still required and bounded; the slug cannot change", () => {
    expect(PartyUpdateSchema.parse({ version: "2", name: " Russia " })).toEqual({ version: 2, name: "Russia" });
    expect(issuesOf(PartyUpdateSchema, { version: 1, name: "" })).toEqual([
      { path: "name", message: "Name is required" },
    ]);
    expect(issuesOf(PartyUpdateSchema, { version: 1, name: "x".repeat(LIMITS.name + 1) })).toEqual([
      { path: "name", message: `Name must be at most ${LIMITS.name} characters` },
    ]);
    expect(issuesOf(PartyUpdateSchema, { version: 1, slug: "russia" })).toEqual([
      { path: "slug", message: 'Unknown field "slug"' },
    ]);
    expect(issuesOf(PartyUpdateSchema, { name: "Russia" })).toEqual([
      { path: "version", message: "Version is required" },
    ]);
  });
});

describe("PartyFiltersSchema", () => {
  it("takes deleted=1 and nothing else", () => {
    expect(PartyFiltersSchema.parse({})).toEqual({});
    expect(PartyFiltersSchema.parse({ deleted: "1" })).toEqual({ deleted: "1" });
    for (const deleted of ["0", "true", ""]) {
      expect(issuesOf(PartyFiltersSchema, { deleted })).toEqual([{ path: "deleted", message: "Deleted takes 1" }]);
    }
  });
});

describe("PartyMergeSchema", () => {
  it("takes the slug of the party that stays", () => {
    expect(PartyMergeSchema.parse({ into: " Russia " })).toEqual({ into: "russia" });
    expect(issuesOf(PartyMergeSchema, {})).toEqual([{ path: "into", message: "Must be a slug" }]);
    expect(issuesOf(PartyMergeSchema, { into: "a--b" })).toEqual([
      { path: "into", message: "Use lower-case letters, digits and single hyphens" },
    ]);
  });
});

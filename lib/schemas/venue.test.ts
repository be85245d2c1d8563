import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssues } from "../errors";
import { LIMITS } from "./common";
import { VenueCreateSchema, VenueFiltersSchema, VenueMergeSchema, VenueUpdateSchema } from "./venue";

// The venue inputs as the API and the forms read them: what each field takes, and the issue (path
// and message, as lib/errors.ts hands it to a client) when it does not.

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

const venue = { name: "Consulate General", city: "Istanbul", country: "Türkiye" };
const NO_SLUG = { path: "slug", message: "Give a slug; the name and city have no letters to make one from" };

describe("VenueCreateSchema", () => {
  it("reads a venue, trimmed; an empty slug or note is none given", () => {
    expect(VenueCreateSchema.parse({ name: " Consulate General ", city: "Istanbul ", country: " Türkiye" })).toEqual(
      venue,
    );
    expect(VenueCreateSchema.parse({ ...venue, slug: "", note: "  " })).toEqual(venue);
    expect(VenueCreateSchema.parse({ ...venue, slug: " Istanbul-CG ", note: " Second floor " })).toEqual({
      ...venue,
      slug: "istanbul-cg",
      note: "Second floor",
    });
  });

  it("names each missing or bad field", () => {
    expect(issuesOf(VenueCreateSchema, {})).toEqual([
      { path: "name", message: "Name is required" },
      { path: "city", message: "City is required" },
      { path: "country", message: "Country is required" },
    ]);
    expect(issuesOf(VenueCreateSchema, { ...venue, city: " ", country: 3 })).toEqual([
      { path: "city", message: "City is required" },
      { path: "country", message: "Country must be text" },
    ]);
    const long = "x".repeat(LIMITS.name + 1);
    expect(issuesOf(VenueCreateSchema, { name: long, city: long, country: long })).toEqual([
      { path: "name", message: `Name must be at most ${LIMITS.name} characters` },
      { path: "city", message: `City must be at most ${LIMITS.name} characters` },
      { path: "country", message: `Country must be at most ${LIMITS.name} characters` },
    ]);
    expect(issuesOf(VenueCreateSchema, { ...venue, note: "x".repeat(LIMITS.note + 1) })).toEqual([
      { path: "note", message: `Note must be at most ${LIMITS.note} characters` },
    ]);
    expect(issuesOf(VenueCreateSchema, { ...venue, slug: "a b" })).toEqual([
      { path: "slug", message: "Use lower-case letters, digits and single hyphens" },
    ]);
  });

  it("takes every text up to its limit", () => {
    const at = "x".repeat(LIMITS.name);
    const note = "n".repeat(LIMITS.note);
    expect(VenueCreateSchema.parse({ name: at, city: at, country: at, note })).toEqual({
      name: at,
      city: at,
      country: at,
      note,
    });
  });

  it("without a slug, needs a letter or digit in the name or the city to make one from", () => {
    expect(issuesOf(VenueCreateSchema, { ...venue, name: "!!!", city: "???" })).toEqual([NO_SLUG]);
    // zodIssues drops the code; it is zod's own for a refinement.
    expect(VenueCreateSchema.safeParse({ ...venue, name: "!!!", city: "???" }).error?.issues[0]?.code).toBe("custom");
    expect(issuesOf(VenueCreateSchema, { ...venue, name: "!!!", city: "???", slug: "" })).toEqual([NO_SLUG]);
    // Either one is enough.
    expect(VenueCreateSchema.parse({ ...venue, name: "!!!", city: "Oslo" }).slug).toBeUndefined();
    expect(VenueCreateSchema.parse({ ...venue, name: "Hall 2", city: "???" }).slug).toBeUndefined();
    // A slug given needs none.
    expect(VenueCreateSchema.parse({ ...venue, name: "!!!", city: "???", slug: "hall" }).slug).toBe("hall");
  });
});

describe("VenueUpdateSchema", () => {
  it("takes any of the fields with the version; an empty note clears it", () => {
    expect(VenueUpdateSchema.parse({ version: "3" })).toEqual({ version: 3 });
    expect(
      VenueUpdateSchema.parse({ version: 3, name: " Hall ", city: " Oslo", country: "Norway ", note: " " }),
    ).toEqual({ version: 3, name: "Hall", city: "Oslo", country: "Norway", note: "" });
  });

  it("a field given is still required and bounded; the slug cannot change", () => {
    expect(issuesOf(VenueUpdateSchema, { version: 3, name: "", city: "", country: "" })).toEqual([
      { path: "name", message: "Name is required" },
      { path: "city", message: "City is required" },
      { path: "country", message: "Country is required" },
    ]);
    expect(issuesOf(VenueUpdateSchema, { version: 3, note: "x".repeat(LIMITS.note + 1) })).toEqual([
      { path: "note", message: `Note must be at most ${LIMITS.note} characters` },
    ]);
    expect(issuesOf(VenueUpdateSchema, { version: 3, slug: "hall" })).toEqual([
      { path: "slug", message: 'Unknown field "slug"' },
    ]);
    expect(issuesOf(VenueUpdateSchema, { note: "x" })).toEqual([{ path: "version", message: "Version is required" }]);
  });
});

describe("VenueFiltersSchema", () => {
  it("takes deleted=1 and nothing else", () => {
    expect(VenueFiltersSchema.parse({})).toEqual({});
    expect(VenueFiltersSchema.parse({ deleted: "1" })).toEqual({ deleted: "1" });
    for (const deleted of ["0", "true", ""]) {
      expect(issuesOf(VenueFiltersSchema, { deleted })).toEqual([{ path: "deleted", message: "Deleted takes 1" }]);
    }
  });
});

describe("VenueMergeSchema", () => {
  it("takes the slug of the venue that stays", () => {
    expect(VenueMergeSchema.parse({ into: " Hall-2 " })).toEqual({ into: "hall-2" });
    expect(issuesOf(VenueMergeSchema, {})).toEqual([{ path: "into", message: "Must be a slug" }]);
    expect(issuesOf(VenueMergeSchema, { into: "-hall" })).toEqual([
      { path: "into", message: "Use lower-case letters, digits and single hyphens" },
    ]);
  });
});

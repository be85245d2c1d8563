import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssues } from "../errors";
import { LIMITS, unstorableTextMessage } from "./common";
import { CitationUpdateSchema, SourceUpdateSchema } from "./source";

// The edits of a quote and of a source, as PATCH /api/v1/citations/{id} and /sources/{id} and their
// forms read them: what each field takes, and the issue (path and message) when it does not.

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

/** An http(s) URL exactly `length` characters long. */
const urlOf = (length: number) => {
  const base = "https://example.org/";
  return base + "a".repeat(length - base.length);
};

describe("CitationUpdateSchema", () => {
  it("takes a new quote, a source and a note, trimmed, with the version", () => {
    expect(CitationUpdateSchema.parse({ version: "2" })).toEqual({ version: 2 });
    expect(
      CitationUpdateSchema.parse({
        version: 2,
        quote: " “We agreed.” ",
        source: " https://example.org/a ",
        note: " typo ",
      }),
    ).toEqual({ version: 2, quote: "“We agreed.”", source: "https://example.org/a", note: "typo" });
  });

  it("an empty note is no note; an empty quote or source is refused", () => {
    expect(CitationUpdateSchema.parse({ version: 2, note: " " })).toEqual({ version: 2 });
    expect(issuesOf(CitationUpdateSchema, { version: 2, quote: " ", source: "" })).toEqual([
      { path: "quote", message: "Quote is required" },
      { path: "source", message: "Source is required" },
    ]);
  });

  it("bounds each text, at its limit accepted and one past refused", () => {
    const at = "x".repeat(LIMITS.quote);
    expect(CitationUpdateSchema.parse({ version: 1, quote: at, source: urlOf(LIMITS.url), note: at })).toEqual({
      version: 1,
      quote: at,
      source: urlOf(LIMITS.url),
      note: at,
    });
    const past = "x".repeat(LIMITS.quote + 1);
    expect(
      issuesOf(CitationUpdateSchema, { version: 1, quote: past, source: urlOf(LIMITS.url + 1), note: past }),
    ).toEqual([
      { path: "quote", message: `Quote must be at most ${LIMITS.quote} characters` },
      { path: "source", message: `Source must be at most ${LIMITS.url} characters` },
      { path: "note", message: `Note must be at most ${LIMITS.note} characters` },
    ]);
  });

  it("refuses text that cannot be stored, and unknown fields", () => {
    expect(issuesOf(CitationUpdateSchema, { version: 1, quote: "a\u0000", source: "\ud800", note: "b\u0000" })).toEqual(
      [
        { path: "quote", message: unstorableTextMessage("Quote") },
        { path: "source", message: unstorableTextMessage("Source") },
        { path: "note", message: unstorableTextMessage("Note") },
      ],
    );
    expect(issuesOf(CitationUpdateSchema, { version: 1, record: "g1" })).toEqual([
      { path: "record", message: 'Unknown field "record"' },
    ]);
  });
});

describe("SourceUpdateSchema", () => {
  it("takes every field, trimmed, with the version", () => {
    expect(
      SourceUpdateSchema.parse({
        version: "4",
        title: " Joint statement ",
        publisher: " MFA ",
        url: "http://example.org/a",
        publishedAt: "2025-03-01",
        note: " checked ",
      }),
    ).toEqual({
      version: 4,
      title: "Joint statement",
      publisher: "MFA",
      url: "http://example.org/a",
      publishedAt: "2025-03-01",
      note: "checked",
    });
    expect(SourceUpdateSchema.parse({ version: 4 })).toEqual({ version: 4 });
  });

  it('clears the URL and the date with "", blank or null; keeps an empty publisher or note to clear them', () => {
    for (const none of ["", "  ", null]) {
      expect(SourceUpdateSchema.parse({ version: 1, url: none, publishedAt: none })).toEqual({
        version: 1,
        url: null,
        publishedAt: null,
      });
    }
    expect(SourceUpdateSchema.parse({ version: 1, publisher: " ", note: "" })).toEqual({
      version: 1,
      publisher: "",
      note: "",
    });
  });

  it("takes an http or https URL only, up to its limit", () => {
    expect(SourceUpdateSchema.parse({ version: 1, url: "https://example.org/a" }).url).toBe("https://example.org/a");
    expect(SourceUpdateSchema.parse({ version: 1, url: urlOf(LIMITS.url) }).url).toBe(urlOf(LIMITS.url));
    for (const url of [
      "ftp://example.org/",
      "xhttp://example.org/",
      "httpss://example.org/",
      "htp://example.org/",
      "not a url",
      5,
    ]) {
      expect(issuesOf(SourceUpdateSchema, { version: 1, url })).toEqual([
        { path: "url", message: "Must be an http or https URL" },
      ]);
    }
    expect(issuesOf(SourceUpdateSchema, { version: 1, url: urlOf(LIMITS.url + 1) })).toEqual([
      { path: "url", message: `URL must be at most ${LIMITS.url} characters` },
    ]);
    expect(issuesOf(SourceUpdateSchema, { version: 1, url: "https://example.org/a\u0000b" })).toEqual([
      { path: "url", message: unstorableTextMessage("URL") },
    ]);
  });

  it("takes a calendar date for when it was published", () => {
    expect(issuesOf(SourceUpdateSchema, { version: 1, publishedAt: "2025-02-30" })).toEqual([
      { path: "publishedAt", message: "Must be a date (YYYY-MM-DD)" },
    ]);
    expect(issuesOf(SourceUpdateSchema, { version: 1, publishedAt: 20250301 })).toEqual([
      { path: "publishedAt", message: "Must be a date (YYYY-MM-DD)" },
    ]);
  });

  it("names each other field and why", () => {
    expect(
      issuesOf(SourceUpdateSchema, {
        version: 1,
        title: " ",
        publisher: "x".repeat(LIMITS.name + 1),
        note: "x".repeat(LIMITS.note + 1),
      }),
    ).toEqual([
      { path: "title", message: "Title is required" },
      { path: "publisher", message: `Publisher must be at most ${LIMITS.name} characters` },
      { path: "note", message: `Note must be at most ${LIMITS.note} characters` },
    ]);
    expect(issuesOf(SourceUpdateSchema, { version: 1, title: "x".repeat(LIMITS.title + 1) })).toEqual([
      { path: "title", message: `Title must be at most ${LIMITS.title} characters` },
    ]);
    const at = { title: "t".repeat(LIMITS.title), publisher: "p".repeat(LIMITS.name), note: "n".repeat(LIMITS.note) };
    expect(SourceUpdateSchema.parse({ version: 1, ...at })).toEqual({ version: 1, ...at });
    expect(issuesOf(SourceUpdateSchema, { title: "x" })).toEqual([{ path: "version", message: "Version is required" }]);
  });
});

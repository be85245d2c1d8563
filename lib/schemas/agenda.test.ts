import { describe, expect, it } from "vitest";
import { zodIssues } from "../errors";
import { AgendaNoteUpdateSchema } from "./agenda";

// The edit of an agenda note: the version last seen and the new text, as the API and the note's
// form read them (lib/errors.ts `zodIssues`: the dotted path and the message a user sees).

function issuesOf(input: unknown) {
  const result = AgendaNoteUpdateSchema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

describe("AgendaNoteUpdateSchema", () => {
  it("takes a version and a note, trimmed, up to 2,000 characters", () => {
    expect(AgendaNoteUpdateSchema.parse({ version: "2", note: "  Raised again  " })).toEqual({
      version: 2,
      note: "Raised again",
    });
    expect(AgendaNoteUpdateSchema.parse({ version: 1, note: "n".repeat(2000) }).note).toHaveLength(2000);
  });

  it("refuses a note of 2,001 characters, a blank or missing one, and one that is not text", () => {
    expect(issuesOf({ version: 1, note: "n".repeat(2001) })).toEqual([
      { path: "note", message: "Note must be at most 2000 characters" },
    ]);
    expect(issuesOf({ version: 1, note: "  " })).toEqual([{ path: "note", message: "Note is required" }]);
    expect(issuesOf({ version: 1 })).toEqual([{ path: "note", message: "Note is required" }]);
    expect(issuesOf({ version: 1, note: 3 })).toEqual([{ path: "note", message: "Note must be text" }]);
  });

  it("needs the version last seen, and takes nothing else", () => {
    expect(issuesOf({ note: "n" })).toEqual([{ path: "version", message: "Version is required" }]);
    expect(issuesOf({ version: 1, note: "n", meetingId: "m1" })).toEqual([
      { path: "meetingId", message: 'Unknown field "meetingId"' },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { zodIssues } from "../errors";
import { BULK_STATUS_MAX, BulkStatusChangeSchema } from "./bulk-status";

// The bulk status change's request (issue 11), as POST /api/v1/grievances/bulk-status and the list
// page's form read it: the selection (ids or the list's filters), the move, and the versions seen.
// Each rule is asserted with the field issue a user sees (lib/errors.ts `zodIssues`).

const move = { status: "RESOLVED", reason: "Settled at round three" };

function issuesOf(input: unknown) {
  const result = BulkStatusChangeSchema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `g${i}`);
const versionsOf = (list: string[]) => Object.fromEntries(list.map((id) => [id, 1]));

describe("BulkStatusChangeSchema: the selection", () => {
  it("takes ids with their versions, repeats dropped", () => {
    expect(BulkStatusChangeSchema.parse({ ...move, ids: ["g1", " g2 ", "g1"], versions: { g1: 3, g2: "4" } })).toEqual({
      ...move,
      ids: ["g1", "g2"],
      versions: { g1: 3, g2: 4 },
    });
  });

  it("takes the list's filters, read as the list reads them, sort included", () => {
    expect(
      BulkStatusChangeSchema.parse({
        ...move,
        filter: { status: "OPEN,STALLED", party: "Russia", q: " visas ", sort: "title", dir: "asc" },
        versions: {},
      }),
    ).toEqual({
      ...move,
      filter: { status: ["OPEN", "STALLED"], party: "russia", q: "visas", sort: "title", dir: "asc" },
      versions: {},
    });
  });

  it.each(["cursor", "limit", "asOf", "deleted"])("refuses the list filter %s (not a selection)", (key) => {
    expect(issuesOf({ ...move, filter: { [key]: "1" }, dryRun: true })).toEqual([
      { path: `filter.${key}`, message: `Unknown field "${key}"` },
    ]);
  });

  it("refuses a filter the list would refuse, at its path", () => {
    expect(issuesOf({ ...move, filter: { status: "NOPE" }, dryRun: true })).toEqual([
      {
        path: "filter.status.0",
        message: "Must be one of OPEN, IN_NEGOTIATION, PARTIALLY_RESOLVED, RESOLVED, STALLED, WITHDRAWN",
      },
    ]);
  });

  it("needs either ids or a filter, not both and not neither", () => {
    const either = [{ path: "ids", message: "Give either ids or a filter" }];
    expect(issuesOf({ ...move, dryRun: true })).toEqual(either);
    expect(issuesOf({ ...move, ids: ["g1"], filter: {}, dryRun: true })).toEqual(either);
    expect(BulkStatusChangeSchema.safeParse({ ...move, ids: ["g1"], dryRun: true }).success).toBe(true);
    expect(BulkStatusChangeSchema.safeParse({ ...move, filter: {}, dryRun: true }).success).toBe(true);
  });

  it(`takes 1 to ${BULK_STATUS_MAX} ids, and refuses none, one more, or what is not a list of ids`, () => {
    expect(BULK_STATUS_MAX).toBe(500);
    expect(BulkStatusChangeSchema.parse({ ...move, ids: ids(500), dryRun: true }).ids).toHaveLength(500);
    expect(BulkStatusChangeSchema.parse({ ...move, ids: ["g1", "g2"], dryRun: true }).ids).toEqual(["g1", "g2"]);
    expect(issuesOf({ ...move, ids: ids(501), dryRun: true })).toEqual([
      { path: "ids", message: "At most 500 grievances at once" },
    ]);
    expect(issuesOf({ ...move, ids: [], dryRun: true })).toEqual([
      { path: "ids", message: "Tick at least one grievance" },
    ]);
    expect(issuesOf({ ...move, ids: "g1", dryRun: true })).toEqual([
      { path: "ids", message: "Ids must be a list of grievance ids" },
    ]);
    expect(issuesOf({ ...move, ids: ["g1", "g/2"], dryRun: true })).toEqual([
      { path: "ids.1", message: "Not a valid id" },
    ]);
  });
});

describe("BulkStatusChangeSchema: the move", () => {
  it("takes a meeting, a source and a date with the move; an empty meeting is none", () => {
    const parsed = BulkStatusChangeSchema.parse({
      ...move,
      ids: ["g1"],
      versions: { g1: 1 },
      meetingId: "m1",
      sourceUrl: "https://example.org/readout",
      occurredAt: "2025-04-10",
      dryRun: false,
    });
    expect(parsed).toEqual({
      ...move,
      ids: ["g1"],
      versions: { g1: 1 },
      meetingId: "m1",
      sourceUrl: "https://example.org/readout",
      occurredAt: new Date("2025-04-10T00:00:00Z"),
      dryRun: false,
    });
    expect(
      BulkStatusChangeSchema.parse({ ...move, ids: ["g1"], dryRun: true, meetingId: "" }).meetingId,
    ).toBeUndefined();
  });

  it("says why each part of the move is refused", () => {
    expect(
      issuesOf({
        ids: ["g1"],
        dryRun: "yes",
        meetingId: "m 1",
        sourceUrl: "ftp://example.org",
        occurredAt: "soon",
      }),
    ).toEqual([
      { path: "status", message: "Choose a status" },
      { path: "reason", message: "Reason is required" },
      { path: "meetingId", message: "Not a valid id" },
      { path: "sourceUrl", message: "Must be an http or https URL" },
      { path: "occurredAt", message: "Must be a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM:SSZ)" },
      { path: "dryRun", message: "dryRun must be true or false" },
    ]);
    expect(issuesOf({ ...move, status: "DONE", ids: ["g1"], dryRun: true })).toEqual([
      {
        path: "status",
        message: "Must be one of OPEN, IN_NEGOTIATION, PARTIALLY_RESOLVED, RESOLVED, STALLED, WITHDRAWN",
      },
    ]);
  });

  it("takes a reason of 2,000 characters, trimmed, and refuses 2,001 or a blank one", () => {
    const sel = { status: "OPEN", ids: ["g1"], dryRun: true };
    expect(BulkStatusChangeSchema.parse({ ...sel, reason: ` ${"r".repeat(2000)} ` }).reason).toBe("r".repeat(2000));
    expect(issuesOf({ ...sel, reason: "r".repeat(2001) })).toEqual([
      { path: "reason", message: "Reason must be at most 2000 characters" },
    ]);
    expect(issuesOf({ ...sel, reason: "  " })).toEqual([{ path: "reason", message: "Reason is required" }]);
  });

  it("refuses an unknown field", () => {
    expect(issuesOf({ ...move, ids: ["g1"], dryRun: true, note: "x" })).toEqual([
      { path: "note", message: 'Unknown field "note"' },
    ]);
  });
});

describe("BulkStatusChangeSchema: the versions seen", () => {
  const needVersions = {
    path: "versions",
    message: "Send the version of each grievance as you saw it (a dry run answers them)",
  };

  it("are required unless it is a dry run", () => {
    expect(issuesOf({ ...move, ids: ["g1"] })).toEqual([needVersions]);
    expect(issuesOf({ ...move, ids: ["g1"], dryRun: false })).toEqual([needVersions]);
    expect(issuesOf({ ...move, filter: {} })).toEqual([needVersions]);
    expect(BulkStatusChangeSchema.safeParse({ ...move, ids: ["g1"], dryRun: true }).success).toBe(true);
  });

  it("name each ticked id without a version, at that id, by its place in the list", () => {
    expect(issuesOf({ ...move, ids: ["g1", "g2", "g3", "g2"], versions: { g2: 1 } })).toEqual([
      { path: "versions.g1", message: "No version for ids.0" },
      { path: "versions.g3", message: "No version for ids.2" },
    ]);
    expect(BulkStatusChangeSchema.parse({ ...move, ids: ["g1", "g2"], versions: { g1: 1, g2: 2, g9: 3 } }).ids).toEqual(
      ["g1", "g2"],
    );
  });

  it("are not checked against the ids in a dry run, nor against a filter's grievances", () => {
    expect(
      BulkStatusChangeSchema.safeParse({ ...move, ids: ["g1", "g2"], versions: { g1: 1 }, dryRun: true }).success,
    ).toBe(true);
    expect(BulkStatusChangeSchema.parse({ ...move, filter: {}, versions: { g1: 2 } }).versions).toEqual({ g1: 2 });
  });

  it(`take at most ${BULK_STATUS_MAX}`, () => {
    expect(BulkStatusChangeSchema.parse({ ...move, filter: {}, versions: versionsOf(ids(500)) }).versions).toEqual(
      versionsOf(ids(500)),
    );
    expect(issuesOf({ ...move, filter: {}, versions: versionsOf(ids(501)) })).toEqual([
      { path: "versions", message: "At most 500 versions at once" },
    ]);
  });

  it("refuse what is not an object of id → version, at the entry", () => {
    const notVersions = "Versions must be an object of grievance id → version";
    expect(issuesOf({ ...move, filter: {}, versions: [1] })).toEqual([{ path: "versions", message: notVersions }]);
    expect(issuesOf({ ...move, filter: {}, versions: { "g/1": 1 } })).toEqual([
      { path: "versions.g/1", message: notVersions },
    ]);
    expect(issuesOf({ ...move, filter: {}, versions: { g1: 0 } })).toEqual([
      { path: "versions.g1", message: "Version must be at least 1" },
    ]);
  });
});

describe("BulkStatusChangeSchema: the rules of the request as a whole", () => {
  it("are custom issues, as every cross-field rule of the schemas is (not one of zod's checks)", () => {
    const codes = (input: unknown) =>
      BulkStatusChangeSchema.safeParse(input).error?.issues.map((issue) => `${issue.code} ${issue.path.join(".")}`);
    expect(codes({ ...move })).toEqual(["custom ids", "custom versions"]);
    expect(codes({ ...move, ids: ["g1"], versions: {} })).toEqual(["custom versions.g1"]);
  });
});

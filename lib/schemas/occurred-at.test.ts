import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultOccurredAt, OccurredAtSchema, parseOccurredAt } from "./common";
import { GrievanceCreateSchema, GrievanceUpdateSchema } from "./grievance";
import { MeetingOutcomeSchema } from "./meeting";

const NOW = new Date("2026-12-01T09:30:00Z");

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

const issuePaths = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.success ? [] : result.error!.issues.map((issue) => issue.path.join("."));

describe("OccurredAtSchema", () => {
  it("reads a bare date as that day at 00:00 UTC, and a date-time with its offset", () => {
    expect(OccurredAtSchema.parse("2025-04-10")).toEqual(new Date("2025-04-10T00:00:00Z"));
    expect(OccurredAtSchema.parse("2025-04-10T14:05:00+02:00")).toEqual(new Date("2025-04-10T12:05:00Z"));
    expect(parseOccurredAt("2025-04-10")).toEqual(new Date("2025-04-10T00:00:00Z"));
  });

  it("takes absent or an empty form field as not given", () => {
    expect(OccurredAtSchema.parse(undefined)).toBeUndefined();
    expect(OccurredAtSchema.parse("  ")).toBeUndefined();
  });

  it("accepts today and now, refuses anything later", () => {
    expect(OccurredAtSchema.parse("2026-12-01")).toEqual(new Date("2026-12-01T00:00:00Z"));
    expect(OccurredAtSchema.parse(NOW.toISOString())).toEqual(NOW);
    expect(OccurredAtSchema.safeParse("2026-12-02").success).toBe(false);
    expect(OccurredAtSchema.safeParse("2026-12-01T09:31:00Z").success).toBe(false);
  });

  it("refuses what is not an ISO date or date-time", () => {
    for (const value of ["10/04/2025", "2025-02-30", "2025-04-10T10:00", "0000-01-01", 20250410]) {
      expect(OccurredAtSchema.safeParse(value).success, String(value)).toBe(false);
    }
  });
});

describe("the date of a move by default", () => {
  it("is the meeting's date when the meeting has one, else now", () => {
    const round = new Date("2025-04-10T00:00:00Z");
    expect(defaultOccurredAt(round, NOW)).toBe(round);
    expect(defaultOccurredAt(null, NOW)).toBe(NOW);
    expect(defaultOccurredAt(undefined)).toEqual(NOW);
  });
});

describe("the schemas that carry it", () => {
  it("name occurredAt (PATCH, outcome rows and batch) and raisedAt (create) when it is in the future", () => {
    const patch = GrievanceUpdateSchema.safeParse({
      version: 1,
      status: "STALLED",
      reason: "r",
      occurredAt: "2027-01-01",
    });
    expect(issuePaths(patch)).toEqual(["occurredAt"]);
    const outcome = MeetingOutcomeSchema.safeParse({
      outcomes: [{ grievanceId: "g1", note: "n", occurredAt: "2027-01-01" }],
      occurredAt: "2027-01-01",
    });
    expect(issuePaths(outcome).sort()).toEqual(["occurredAt", "outcomes.0.occurredAt"]);
    const create = GrievanceCreateSchema.safeParse({
      title: "t",
      category: "OTHER",
      raisedBy: ["a"],
      addressedTo: ["b"],
      raisedAt: "2027-01-01",
    });
    expect(issuePaths(create)).toEqual(["raisedAt"]);
  });

  it("refuse a date on a PATCH without a status change", () => {
    expect(issuePaths(GrievanceUpdateSchema.safeParse({ version: 1, occurredAt: "2025-04-10" }))).toEqual(["status"]);
  });
});

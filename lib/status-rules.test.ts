import { describe, expect, it } from "vitest";
import { GRIEVANCE_STATUSES, MEETING_STATUSES, type GrievanceStatus } from "./schemas/enums";
import {
  allowedMeetingTransitions,
  datedMoveError,
  grievanceTransitionError,
  meetingTransitionError,
  outcomeMeetingError,
} from "./status-rules";

describe("grievance status rules", () => {
  // Written out from ADR 003 (any status to any other), not derived from the rule under test.
  const ALREADY = "The grievance already has this status";
  const MOVES_FROM = {
    OPEN: ["IN_NEGOTIATION", "PARTIALLY_RESOLVED", "RESOLVED", "STALLED", "WITHDRAWN"],
    IN_NEGOTIATION: ["OPEN", "PARTIALLY_RESOLVED", "RESOLVED", "STALLED", "WITHDRAWN"],
    PARTIALLY_RESOLVED: ["OPEN", "IN_NEGOTIATION", "RESOLVED", "STALLED", "WITHDRAWN"],
    RESOLVED: ["OPEN", "IN_NEGOTIATION", "PARTIALLY_RESOLVED", "STALLED", "WITHDRAWN"],
    STALLED: ["OPEN", "IN_NEGOTIATION", "PARTIALLY_RESOLVED", "RESOLVED", "WITHDRAWN"],
    WITHDRAWN: ["OPEN", "IN_NEGOTIATION", "PARTIALLY_RESOLVED", "RESOLVED", "STALLED"],
  } as const;

  it.each(Object.entries(MOVES_FROM))("allows %s → each of %j", (from, moves) => {
    for (const to of moves) expect(grievanceTransitionError(from as GrievanceStatus, to)).toBeNull();
  });

  it.each(Object.keys(MOVES_FROM))("refuses %s → itself: it would move nothing", (status) => {
    expect(grievanceTransitionError(status as GrievanceStatus, status as GrievanceStatus)).toBe(ALREADY);
  });

  it("knows the six statuses of ADR 003, so the table above covers every pair", () => {
    expect([...GRIEVANCE_STATUSES].sort()).toEqual(
      ["IN_NEGOTIATION", "OPEN", "PARTIALLY_RESOLVED", "RESOLVED", "STALLED", "WITHDRAWN"].sort(),
    );
  });
});

describe("meeting status rules", () => {
  it("keeps a held meeting held", () => {
    expect(allowedMeetingTransitions("HELD")).toEqual([]);
    expect(meetingTransitionError("HELD", "CANCELLED")).toBe("A held meeting stays held");
  });

  it("lets a planned meeting be held, postponed or cancelled, and a cancelled one be planned again", () => {
    expect(meetingTransitionError("PLANNED", "HELD")).toBeNull();
    expect(meetingTransitionError("PLANNED", "POSTPONED")).toBeNull();
    expect(meetingTransitionError("CANCELLED", "PLANNED")).toBeNull();
    expect(meetingTransitionError("CANCELLED", "HELD")).toBe("A cancelled meeting cannot become held");
  });

  // Every pair, written out from ADR 003 (not read back from the table the function uses).
  const ALREADY = "The meeting already has this status";
  const STAYS_HELD = "A held meeting stays held";
  it.each([
    ["PLANNED", "PLANNED", ALREADY],
    ["PLANNED", "HELD", null],
    ["PLANNED", "POSTPONED", null],
    ["PLANNED", "CANCELLED", null],
    ["POSTPONED", "PLANNED", null],
    ["POSTPONED", "HELD", null],
    ["POSTPONED", "POSTPONED", ALREADY],
    ["POSTPONED", "CANCELLED", null],
    ["CANCELLED", "PLANNED", null],
    ["CANCELLED", "HELD", "A cancelled meeting cannot become held"],
    ["CANCELLED", "POSTPONED", "A cancelled meeting cannot become postponed"],
    ["CANCELLED", "CANCELLED", ALREADY],
    ["HELD", "PLANNED", STAYS_HELD],
    ["HELD", "HELD", ALREADY],
    ["HELD", "POSTPONED", STAYS_HELD],
    ["HELD", "CANCELLED", STAYS_HELD],
  ] as const)("%s → %s: %s", (from, to, error) => {
    expect(meetingTransitionError(from, to)).toBe(error);
  });

  it("covers every pair of statuses above", () => {
    expect(MEETING_STATUSES).toEqual(["PLANNED", "HELD", "POSTPONED", "CANCELLED"]);
  });

  it.each([
    ["PLANNED", ["HELD", "POSTPONED", "CANCELLED"]],
    ["POSTPONED", ["PLANNED", "HELD", "CANCELLED"]],
    ["CANCELLED", ["PLANNED"]],
    ["HELD", []],
  ] as const)("offers the forms the moves from %s: %j", (from, moves) => {
    expect([...allowedMeetingTransitions(from)].sort()).toEqual([...moves].sort());
  });

  it("logs outcomes only for held meetings", () => {
    expect(outcomeMeetingError("HELD")).toBeNull();
    for (const status of ["PLANNED", "POSTPONED", "CANCELLED"] as const)
      expect(outcomeMeetingError(status)).toBe("Outcomes can be logged only for a meeting that was held");
  });
});

describe("meetingTransitionError, branch by branch", () => {
  it.each(MEETING_STATUSES)("%s → itself: the meeting already has this status", (status) => {
    expect(meetingTransitionError(status, status)).toBe("The meeting already has this status");
  });
});

describe("datedMoveError, branch by branch", () => {
  it("names the statuses of the later move by their labels, not their codes", () => {
    const place = {
      began: new Date("2025-01-01T00:00:00Z"),
      inForce: "IN_NEGOTIATION" as const,
      next: { to: "STALLED" as const, at: new Date("2025-03-01T00:00:00Z") },
    };
    expect(datedMoveError(place, "STALLED", new Date("2025-02-01T00:00:00Z"), grievanceTransitionError)).toEqual({
      field: "occurredAt",
      message:
        "A later move on 2025-03-01 already moved it from in negotiation to stalled: date this move after that one, or leave its status out",
    });
  });
});

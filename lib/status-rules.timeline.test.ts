import { describe, expect, it } from "vitest";
import type { GrievanceStatus, MeetingStatus } from "./schemas/enums";
import {
  beforeBeginningError,
  datedMoveError,
  grievanceTransitionError,
  meetingTransitionError,
  momentLabel,
  type TimelinePlace,
} from "./status-rules";

// The rules of a move dated into a timeline (ADR 011), apart from the database.

const RAISED = new Date("2025-01-15T00:00:00Z");
const APRIL = new Date("2025-04-10T00:00:00Z");
const JUNE = new Date("2025-06-01T00:00:00Z");

const place = (inForce: GrievanceStatus, next: TimelinePlace<GrievanceStatus>["next"] = null) => ({
  began: RAISED,
  inForce,
  next,
});

describe("momentLabel", () => {
  it("names a bare date by its day and any other instant to the minute, in UTC", () => {
    expect(momentLabel(APRIL)).toBe("2025-04-10");
    expect(momentLabel(new Date("2025-04-10T09:05:59.999Z"))).toBe("2025-04-10 09:05 UTC");
  });
});

describe("beforeBeginningError", () => {
  it("refuses only what is dated strictly before the beginning, saying when that was", () => {
    expect(beforeBeginningError(RAISED, new Date(RAISED.getTime() - 1))).toBe(
      "It was raised on 2025-01-15: nothing can be dated before that",
    );
    expect(beforeBeginningError(RAISED, RAISED)).toBeNull();
    expect(beforeBeginningError(null, new Date(0))).toBeNull();
    expect(beforeBeginningError(RAISED, new Date(0), "logged")).toBe(
      "It was logged on 2025-01-15: nothing can be dated before that",
    );
    expect(beforeBeginningError(new Date("2025-01-15T08:30:00Z"), RAISED)).toBe(
      "It was raised on 2025-01-15 08:30 UTC: nothing can be dated before that",
    );
  });
});

describe("datedMoveError", () => {
  it("takes a move from the status in force at its date, latest or not", () => {
    expect(datedMoveError(place("OPEN"), "STALLED", JUNE, grievanceTransitionError)).toBeNull();
    expect(
      datedMoveError(place("OPEN", { to: "STALLED", at: JUNE }), "IN_NEGOTIATION", APRIL, grievanceTransitionError),
    ).toBeNull();
  });

  it("names occurredAt for a move before the beginning, before any other rule", () => {
    expect(datedMoveError(place("OPEN"), "OPEN", new Date("2025-01-01T00:00:00Z"), grievanceTransitionError)).toEqual({
      field: "occurredAt",
      message: "It was raised on 2025-01-15: nothing can be dated before that",
    });
  });

  it("names status for a move the rules refuse from the status in force then, saying as of when if it is back-dated", () => {
    expect(datedMoveError(place("STALLED"), "STALLED", JUNE, grievanceTransitionError)).toEqual({
      field: "status",
      message: "The grievance already has this status",
    });
    expect(datedMoveError(place("OPEN", { to: "STALLED", at: JUNE }), "OPEN", APRIL, grievanceTransitionError)).toEqual(
      {
        field: "status",
        message: "The grievance already has this status (as of 2025-04-10)",
      },
    );
  });

  it("names occurredAt when the next later move would no longer be a move, naming that move", () => {
    expect(
      datedMoveError(place("OPEN", { to: "STALLED", at: JUNE }), "STALLED", APRIL, grievanceTransitionError),
    ).toEqual({
      field: "occurredAt",
      message:
        "A later move on 2025-06-01 already moved it from open to stalled: date this move after that one, or leave its status out",
    });
  });

  it("checks the later move by the kind's own rules (a held meeting stays held)", () => {
    const meeting: TimelinePlace<MeetingStatus> = {
      began: RAISED,
      inForce: "PLANNED",
      next: { to: "POSTPONED", at: JUNE },
    };
    expect(datedMoveError(meeting, "HELD", APRIL, meetingTransitionError, "logged")).toEqual({
      field: "occurredAt",
      message:
        "A later move on 2025-06-01 already moved it from planned to postponed: date this move after that one, or leave its status out",
    });
    expect(datedMoveError(meeting, "CANCELLED", APRIL, meetingTransitionError, "logged")).toEqual({
      field: "occurredAt",
      message:
        "A later move on 2025-06-01 already moved it from planned to postponed: date this move after that one, or leave its status out",
    });
    expect(
      datedMoveError({ ...meeting, next: { to: "PLANNED", at: JUNE } }, "CANCELLED", APRIL, meetingTransitionError),
    ).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { GRIEVANCE_STATUSES, MEETING_STATUSES } from "./schemas/enums";
import {
  allowedMeetingTransitions,
  grievanceTransitionError,
  meetingTransitionError,
  outcomeMeetingError,
} from "./status-rules";

describe("grievance status rules", () => {
  it("allows every move to a different status, and refuses a move to the same one", () => {
    for (const from of GRIEVANCE_STATUSES) {
      for (const to of GRIEVANCE_STATUSES) {
        expect(grievanceTransitionError(from, to)).toBe(from === to ? "The grievance already has this status" : null);
      }
    }
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

  it("agrees with its own transition table for every pair", () => {
    for (const from of MEETING_STATUSES) {
      for (const to of MEETING_STATUSES) {
        const allowed = allowedMeetingTransitions(from).includes(to);
        expect(meetingTransitionError(from, to) === null).toBe(allowed);
      }
    }
  });

  it("logs outcomes only for held meetings", () => {
    expect(outcomeMeetingError("HELD")).toBeNull();
    for (const status of ["PLANNED", "POSTPONED", "CANCELLED"] as const)
      expect(outcomeMeetingError(status)).toMatch(/held/);
  });
});

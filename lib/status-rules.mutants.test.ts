import { describe, expect, it } from "vitest";
import { MEETING_STATUSES } from "./schemas/enums";
import { datedMoveError, grievanceTransitionError, meetingTransitionError } from "./status-rules";

// Cases that kill mutants Stryker found surviving status-rules.test.ts (npm run test:mutation).

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

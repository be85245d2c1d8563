import { describe, expect, it } from "vitest";
import type { OutcomeFormState } from "@/lib/forms/rows";
import {
  applyFresh,
  blankRow,
  fieldTargets,
  initialRows,
  pickGrievance,
  rowDateDefault,
  type GrievanceOption,
} from "./outcome-rows";

const A: GrievanceOption = { id: "a", title: "Parking", status: "OPEN", version: 3 };
const B: GrievanceOption = { id: "b", title: "Archive", status: "IN_NEGOTIATION", version: 1 };
const IDLE: OutcomeFormState = { status: "idle" };

function refused(outcomes: unknown, extra: Partial<Extract<OutcomeFormState, { status: "error" }>> = {}) {
  return {
    status: "error",
    code: "VALIDATION_FAILED",
    formError: "Not valid",
    fieldErrors: {},
    values: { outcomes },
    ...extra,
  } as OutcomeFormState;
}

describe("initialRows", () => {
  it("starts from the agenda plus two blank rows, or three blank rows without an agenda", () => {
    const rows = initialRows(IDLE, [A], [A, B]);
    expect(rows.map((r) => [r.kind, r.grievanceId, r.version, r.now])).toEqual([
      ["agenda", "a", "3", "OPEN"],
      ["pick", "", "", null],
      ["pick", "", "", null],
    ]);
    expect(initialRows(IDLE, [], [A, B])).toHaveLength(3);
  });

  it("starts from what was posted after a refusal, with the fresh versions of a conflict", () => {
    const posted = [
      { grievanceId: "a", version: "3", status: "RESOLVED", note: "Done" },
      { grievanceId: "b", version: "", status: "", note: "Raised" },
    ];
    const rows = initialRows(
      refused(posted, { code: "CONFLICT", fresh: { a: { status: "STALLED", version: 4 } } }),
      [A],
      [A, B],
    );
    expect(rows.map((r) => [r.kind, r.grievanceId, r.version, r.now, r.status, r.changed])).toEqual([
      ["agenda", "a", "4", "STALLED", "RESOLVED", true],
      ["pick", "b", "", "IN_NEGOTIATION", "", false],
    ]);
  });

  it("starts every row undated (the batch's date), and keeps a row's posted date and time after a refusal", () => {
    expect(initialRows(IDLE, [A], [A, B]).map((r) => [r.occurredDate, r.occurredTime])).toEqual([
      ["", ""],
      ["", ""],
      ["", ""],
    ]);
    const posted = [
      { grievanceId: "a", version: "3", note: "First day", occurredDate: "", occurredTime: "" },
      { grievanceId: "b", version: "1", note: "Second day", occurredDate: "2025-04-11", occurredTime: "15:30" },
    ];
    const rows = initialRows(refused(posted), [A], [A, B]);
    expect(rows.map((r) => [r.grievanceId, r.occurredDate, r.occurredTime])).toEqual([
      ["a", "", ""],
      ["b", "2025-04-11", "15:30"],
    ]);
  });
});

describe("pickGrievance", () => {
  it("stamps the option's status and version, and drops a new status equal to it", () => {
    const row = { ...blankRow(7), status: "OPEN", note: "kept" };
    expect(pickGrievance(row, "a", A)).toMatchObject({ grievanceId: "a", version: "3", now: "OPEN", status: "" });
    expect(pickGrievance(row, "", undefined)).toMatchObject({ grievanceId: "", version: "", now: null, note: "kept" });
  });
});

describe("applyFresh", () => {
  const picked = pickGrievance({ ...blankRow(1), status: "RESOLVED" }, "a", A);

  it("takes a newer version in and flags the row", () => {
    const [row] = applyFresh([picked], { a: { status: "STALLED", version: 5 } });
    expect(row).toMatchObject({ version: "5", now: "STALLED", status: "RESOLVED", changed: true });
    const [same] = applyFresh([picked], { a: { status: "RESOLVED", version: 5 } });
    expect(same).toMatchObject({ now: "RESOLVED", status: "" });
  });

  it("leaves the row alone for the same or an older version, or another grievance", () => {
    expect(applyFresh([picked], { a: { status: "STALLED", version: 3 } })[0]).toBe(picked);
    expect(applyFresh([picked], { a: { status: "STALLED", version: 2 } })[0]).toBe(picked);
    expect(applyFresh([picked], { b: { status: "STALLED", version: 9 } })[0]).toBe(picked);
  });

  it("fills a row picked without JavaScript (no version) without flagging it", () => {
    const noJs = { ...blankRow(2), grievanceId: "a" };
    expect(applyFresh([noJs], { a: { status: "OPEN", version: 3 } })[0]).toMatchObject({
      version: "3",
      now: "OPEN",
      changed: false,
    });
  });
});

describe("fieldTargets", () => {
  it("names a refused row by its grievance, and points an agenda row's errors at its status select", () => {
    const state = refused([{ grievanceId: "a" }, { grievanceId: "" }], {
      fieldErrors: { "outcomes.0.version": "Stale", "outcomes.1.grievanceId": "Choose", "outcomes.0.note": "Long" },
    });
    expect(fieldTargets(state, [A], new Map([["a", "Parking"]]))).toEqual({
      sourceUrl: { htmlFor: "outcome-source", label: "Source URL" },
      occurredAt: { htmlFor: "outcome-date", label: "Happened on" },
      "outcomes.0.version": { htmlFor: "outcome-0-status", label: "Grievance for Parking" },
      "outcomes.1.grievanceId": { htmlFor: "outcome-1-grievance", label: "Grievance for row 2" },
      "outcomes.0.note": { htmlFor: "outcome-0-note", label: "Note for Parking" },
    });
  });

  it("points a row's date errors at that row's date or time control, and leaves unknown row fields to the summary", () => {
    const state = refused([{ grievanceId: "a" }, { grievanceId: "b" }], {
      fieldErrors: {
        "outcomes.1.occurredAt": "The date it happened cannot be in the future",
        "outcomes.0.occurredTime": "Not a time",
        "outcomes.0.colour": "Unknown field",
      },
    });
    const targets = fieldTargets(state, [A], new Map([["a", "Parking"]]));
    expect(targets["outcomes.1.occurredAt"]).toEqual({ htmlFor: "outcome-1-date", label: "Date for row 2" });
    expect(targets["outcomes.0.occurredTime"]).toEqual({ htmlFor: "outcome-0-time", label: "Time for Parking" });
    expect(targets["outcomes.0.colour"]).toBeUndefined();
    // The batch's own date keeps its target: the server names both `occurredAt`, at different depths.
    expect(targets.occurredAt).toEqual({ htmlFor: "outcome-date", label: "Happened on" });
  });
});

describe("rowDateDefault", () => {
  it("names the batch's date once the page is live, and says where the date comes from before", () => {
    expect(rowDateDefault("2025-04-10", true)).toBe("Same as the outcome: 10 Apr 2025");
    expect(rowDateDefault("2025-04-10", false)).toBe("Blank: the outcome’s date");
    expect(rowDateDefault("", true)).toBe("Blank: the outcome’s date");
  });
});

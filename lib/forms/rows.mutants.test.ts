import { describe, expect, it } from "vitest";
import { prepareOutcomeRows, prepareParticipantRows, remapRowErrors, rowList } from "./rows";

// Cases that kill mutants Stryker found surviving rows.test.ts (npm run test:mutation).

describe("form rows, branch by branch", () => {
  it("reads rows posted as an object keyed by row number, and keeps only text values", () => {
    expect(rowList({ 0: { party: "russia" }, 1: { party: "turkiye" } })).toEqual([
      { party: "russia" },
      { party: "turkiye" },
    ]);
    expect(rowList([null, "not a row", { party: "russia", role: 3, extra: ["x"] }])).toEqual([
      {},
      {},
      { party: "russia" },
    ]);
    expect(rowList("rows")).toEqual([]);
  });

  it("a participant's blank role is left out, not kept as an empty value", () => {
    const { rows } = prepareParticipantRows([
      { party: "russia", role: "  " },
      { party: "turkiye", role: "HOST" },
    ]);
    expect(rows).toEqual([{ party: "russia" }, { party: "turkiye", role: "HOST" }]);
    expect("role" in rows[0]!).toBe(false);
  });

  it("says what is missing on a row, in words", () => {
    expect(prepareParticipantRows([{ headOfDelegation: "A. Darchiev" }]).fieldErrors).toEqual({
      "participants.0.party": "Choose the party this head of delegation belongs to",
    });
    expect(prepareOutcomeRows([{ note: "Discussed" }]).fieldErrors).toEqual({
      "outcomes.0.grievanceId": "Choose the grievance this row is about",
    });
  });

  it("when two errors land on one form row, the first is kept", () => {
    // Row 1 sent is form row 5, which also has an error of its own that the server keyed as sent.
    expect(remapRowErrors({ "outcomes.1.note": "first", "outcomes.5.note": "second" }, "outcomes", [0, 5])).toEqual({
      "outcomes.5.note": "first",
    });
  });
});

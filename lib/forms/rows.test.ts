import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";
import { prepareOutcomeRows, prepareParticipantRows, remapRowErrors, rowList } from "./rows";

function posted(entries: Array<[string, string]>): Record<string, unknown> {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return formDataToObject(fd);
}

describe("prepareParticipantRows", () => {
  it("drops rows without a party and keeps the form's row numbers", () => {
    const raw = posted([
      ["participants.0.party", ""],
      ["participants.0.role", "DELEGATION"],
      ["participants.0.headOfDelegation", ""],
      ["participants.1.party", "russia"],
      ["participants.1.role", "DELEGATION"],
      ["participants.1.headOfDelegation", "  Alexander Darchiev "],
      ["participants.2.party", "turkiye"],
      ["participants.2.role", "HOST"],
      ["participants.2.headOfDelegation", ""],
    ]);
    const prepared = prepareParticipantRows(raw.participants);
    expect(prepared.rows).toEqual([
      { party: "russia", role: "DELEGATION", headOfDelegation: "Alexander Darchiev" },
      { party: "turkiye", role: "HOST" },
    ]);
    expect(prepared.sourceIndex).toEqual([1, 2]);
    expect(prepared.fieldErrors).toEqual({});
  });

  it("names a row that has a head of delegation but no party", () => {
    const prepared = prepareParticipantRows([{ party: "", role: "DELEGATION", headOfDelegation: "Sonata Coulter" }]);
    expect(prepared.rows).toEqual([]);
    expect(Object.keys(prepared.fieldErrors)).toEqual(["participants.0.party"]);
  });

  it("treats a missing list as no rows", () => {
    expect(prepareParticipantRows(undefined).rows).toEqual([]);
    expect(rowList("nonsense")).toEqual([]);
  });
});

describe("prepareOutcomeRows", () => {
  it("skips rows with neither a status nor a note, and keeps versions only when given", () => {
    const raw = posted([
      ["outcomes.0.grievanceId", "g1"],
      ["outcomes.0.version", "3"],
      ["outcomes.0.status", ""],
      ["outcomes.0.note", ""],
      ["outcomes.1.grievanceId", "g2"],
      ["outcomes.1.version", "2"],
      ["outcomes.1.status", "RESOLVED"],
      ["outcomes.1.note", "Agreed"],
      ["outcomes.2.grievanceId", "g3"],
      ["outcomes.2.version", ""],
      ["outcomes.2.status", ""],
      ["outcomes.2.note", "Raised again"],
      ["outcomes.3.grievanceId", ""],
      ["outcomes.3.version", ""],
      ["outcomes.3.status", ""],
      ["outcomes.3.note", "   "],
    ]);
    const prepared = prepareOutcomeRows(raw.outcomes);
    expect(prepared.rows).toEqual([
      { grievanceId: "g2", version: "2", status: "RESOLVED", note: "Agreed" },
      { grievanceId: "g3", note: "Raised again" },
    ]);
    expect(prepared.sourceIndex).toEqual([1, 2]);
    expect(prepared.fieldErrors).toEqual({});
  });

  it("keeps a status without a note so the server can say the note is required", () => {
    const prepared = prepareOutcomeRows([{ grievanceId: "g1", status: "STALLED", note: "" }]);
    expect(prepared.rows).toEqual([{ grievanceId: "g1", status: "STALLED", note: "" }]);
  });

  it("names a row with a note but no grievance", () => {
    const prepared = prepareOutcomeRows([
      { grievanceId: "g1", note: "a" },
      { grievanceId: "", note: "b" },
    ]);
    expect(prepared.fieldErrors).toEqual({ "outcomes.1.grievanceId": expect.any(String) });
  });
});

describe("remapRowErrors", () => {
  it("maps indexes of the rows sent back to the form's rows", () => {
    expect(
      remapRowErrors(
        { "outcomes.0.note": "Note is required", "outcomes.1": "x", sourceUrl: "Must be a URL", outcomes: "Add one" },
        "outcomes",
        [2, 5],
      ),
    ).toEqual({
      "outcomes.2.note": "Note is required",
      "outcomes.5": "x",
      sourceUrl: "Must be a URL",
      outcomes: "Add one",
    });
  });

  it("leaves an index it cannot map as it is", () => {
    expect(remapRowErrors({ "participants.4.party": "?" }, "participants", [0])).toEqual({
      "participants.4.party": "?",
    });
  });
});

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

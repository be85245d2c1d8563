import { describe, expect, it } from "vitest";
import { MeetingCreateSchema, MeetingOutcomeSchema, MeetingUpdateSchema, OutcomeInputSchema } from "./meeting";

// The meeting inputs' own rules, beside the schema (found untested by npm run test:mutation).

/** The issues a failed parse reports, as "code path: message". */
function issues(result: {
  success: boolean;
  error?: { issues: Array<{ code: string; path: PropertyKey[]; message: string }> };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.code} ${i.path.join(".")}: ${i.message}`);
}

describe("MeetingCreateSchema", () => {
  it("an empty date is no date, and an empty venue no venue (what an untouched form field sends)", () => {
    const parsed = MeetingCreateSchema.parse({ title: "Round three", date: "", venue: "" });
    expect(parsed.date).toBeNull();
    expect(parsed.venue).toBeUndefined();
    const given = MeetingCreateSchema.parse({ title: "Round three", date: "2025-06-01", venue: "istanbul-consulate" });
    expect(given).toMatchObject({ date: "2025-06-01", venue: "istanbul-consulate" });
  });

  it("refuses a party listed twice among the participants, at the second one", () => {
    const result = MeetingCreateSchema.safeParse({
      title: "Round three",
      participants: [{ party: "russia" }, { party: "united-states" }, { party: "russia" }],
    });
    expect(issues(result)).toEqual(["custom participants.2.party: This party is listed twice"]);
  });
});

describe("MeetingUpdateSchema", () => {
  it("an empty venue clears it (null), where the create form's empty venue means none given", () => {
    expect(MeetingUpdateSchema.parse({ version: 2, venue: "" }).venue).toBeNull();
    expect(MeetingUpdateSchema.parse({ version: 2, venue: "russian-consulate-general-istanbul" }).venue).toBe(
      "russian-consulate-general-istanbul",
    );
  });

  it("a status change needs a reason", () => {
    expect(issues(MeetingUpdateSchema.safeParse({ version: 2, status: "HELD" }))).toEqual([
      "custom reason: Reason is required to change the status",
    ]);
    expect(MeetingUpdateSchema.safeParse({ version: 2, status: "HELD", reason: "It took place" }).success).toBe(true);
  });

  it("a reason or a source without a status change is refused, each on its own", () => {
    const message = "custom status: Reason and source go with a status change";
    expect(issues(MeetingUpdateSchema.safeParse({ version: 2, reason: "No move" }))).toEqual([message]);
    expect(issues(MeetingUpdateSchema.safeParse({ version: 2, sourceUrl: "https://example.org/readout" }))).toEqual([
      message,
    ]);
    expect(MeetingUpdateSchema.safeParse({ version: 2, title: "Renamed" }).success).toBe(true);
  });
});

describe("MeetingOutcomeSchema", () => {
  it("an outcome row's empty status is no move", () => {
    const row = OutcomeInputSchema.parse({ grievanceId: "g1", status: "", note: "Discussed" });
    expect(row.status).toBeUndefined();
    expect(OutcomeInputSchema.parse({ grievanceId: "g1", status: "STALLED", note: "Stuck" }).status).toBe("STALLED");
  });

  it("refuses a grievance listed twice, at the second row", () => {
    const result = MeetingOutcomeSchema.safeParse({
      outcomes: [
        { grievanceId: "g1", note: "First" },
        { grievanceId: "g2", note: "Other" },
        { grievanceId: "g1", note: "Again" },
      ],
    });
    expect(issues(result)).toEqual(["custom outcomes.2.grievanceId: This grievance is listed twice"]);
    expect(MeetingOutcomeSchema.safeParse({ outcomes: [{ grievanceId: "g1", note: "Once" }] }).success).toBe(true);
  });
});

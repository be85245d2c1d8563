import { describe, expect, it } from "vitest";
import { zodIssues } from "../errors";
import {
  MeetingCreateSchema,
  MeetingFiltersSchema,
  MeetingOutcomeSchema,
  MeetingUpdateSchema,
  OutcomeInputSchema,
  ParticipantInputSchema,
} from "./meeting";

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

// What Stryker's survivors in meeting.ts showed no unit test guarding: the defaults, every limit at
// its edge (at the limit accepted, one past refused) and every message as the API and the forms
// show it (lib/errors.ts `zodIssues`: the dotted path and the message).

/** The field issues a refused input gets, as the API answers them. */
function issuesOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error as never);
}

const parties = (n: number) => Array.from({ length: n }, (_, i) => ({ party: `party-${i}` }));
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ grievanceId: `g${i}`, note: "n" }));

describe("ParticipantInputSchema", () => {
  it("is a delegation by default, with no head of delegation", () => {
    expect(ParticipantInputSchema.parse({ party: " Russia " })).toEqual({ party: "russia", role: "DELEGATION" });
  });

  it.each(["DELEGATION", "HOST", "MEDIATOR", "OBSERVER"])("takes the role %s", (role) => {
    expect(ParticipantInputSchema.parse({ party: "russia", role }).role).toBe(role);
  });

  it("takes a head of delegation of 300 characters, trimmed; blank is none", () => {
    const head = "h".repeat(300);
    expect(ParticipantInputSchema.parse({ party: "russia", headOfDelegation: ` ${head} ` }).headOfDelegation).toBe(
      head,
    );
    expect(ParticipantInputSchema.parse({ party: "russia", headOfDelegation: " " }).headOfDelegation).toBeUndefined();
  });

  it("says why a participant is refused", () => {
    expect(issuesOf(ParticipantInputSchema, { role: "CHAIR", headOfDelegation: "h".repeat(301) })).toEqual([
      { path: "party", message: "Must be a slug" },
      { path: "role", message: "Must be one of DELEGATION, HOST, MEDIATOR, OBSERVER" },
      { path: "headOfDelegation", message: "Head of delegation must be at most 300 characters" },
    ]);
  });
});

describe("MeetingCreateSchema, field by field", () => {
  it("defaults to a planned meeting with no participants", () => {
    expect(MeetingCreateSchema.parse({ title: " Round three " })).toEqual({
      title: "Round three",
      status: "PLANNED",
      participants: [],
    });
  });

  it("takes every field", () => {
    expect(
      MeetingCreateSchema.parse({
        title: "Round three",
        date: "2025-06-01",
        venue: " Istanbul ",
        status: "HELD",
        summary: " Talked ",
        participants: [{ party: "russia", role: "HOST", headOfDelegation: "S. Lavrov" }, { party: "united-states" }],
      }),
    ).toEqual({
      title: "Round three",
      date: "2025-06-01",
      venue: "istanbul",
      status: "HELD",
      summary: "Talked",
      participants: [
        { party: "russia", role: "HOST", headOfDelegation: "S. Lavrov" },
        { party: "united-states", role: "DELEGATION" },
      ],
    });
  });

  it("an absent date stays absent, a null one is no date", () => {
    expect(MeetingCreateSchema.parse({ title: "T" })).not.toHaveProperty("date");
    expect(MeetingCreateSchema.parse({ title: "T", date: null }).date).toBeNull();
  });

  it("takes a title of 200 and a summary of 10,000 characters, and refuses one more", () => {
    const ok = MeetingCreateSchema.parse({ title: "t".repeat(200), summary: "s".repeat(10_000) });
    expect([ok.title.length, ok.summary?.length]).toEqual([200, 10_000]);
    expect(issuesOf(MeetingCreateSchema, { title: "t".repeat(201), summary: "s".repeat(10_001) })).toEqual([
      { path: "title", message: "Title must be at most 200 characters" },
      { path: "summary", message: "Summary must be at most 10000 characters" },
    ]);
  });

  it("takes up to 20 participants, all different, and refuses 21", () => {
    expect(MeetingCreateSchema.parse({ title: "T", participants: parties(20) }).participants).toHaveLength(20);
    expect(issuesOf(MeetingCreateSchema, { title: "T", participants: parties(21) })).toEqual([
      { path: "participants", message: "At most 20 participants" },
    ]);
  });

  it("says why each field is refused", () => {
    expect(
      issuesOf(MeetingCreateSchema, {
        date: "01/06/2025",
        venue: "Not a slug",
        status: "DONE",
        summary: 3,
        participants: [{ party: "russia", role: "CHAIR" }],
      }),
    ).toEqual([
      { path: "title", message: "Title is required" },
      { path: "date", message: "Must be a date (YYYY-MM-DD)" },
      { path: "venue", message: "Use lower-case letters, digits and single hyphens" },
      { path: "status", message: "Must be one of PLANNED, HELD, POSTPONED, CANCELLED" },
      { path: "summary", message: "Summary must be text" },
      { path: "participants.0.role", message: "Must be one of DELEGATION, HOST, MEDIATOR, OBSERVER" },
    ]);
  });

  it("names each repeated party at its own row, after the first", () => {
    const repeated = [{ party: "a" }, { party: "a" }, { party: "b" }, { party: "A" }];
    expect(issuesOf(MeetingCreateSchema, { title: "T", participants: repeated })).toEqual([
      { path: "participants.1.party", message: "This party is listed twice" },
      { path: "participants.3.party", message: "This party is listed twice" },
    ]);
  });
});

describe("MeetingUpdateSchema, field by field", () => {
  it("takes a version alone, and each field edit", () => {
    expect(MeetingUpdateSchema.parse({ version: "2" })).toEqual({ version: 2 });
    expect(MeetingUpdateSchema.parse({ version: 2, title: " New ", date: "", venue: "Ankara", summary: "" })).toEqual({
      version: 2,
      title: "New",
      date: null,
      venue: "ankara",
      summary: "",
    });
    expect(MeetingUpdateSchema.parse({ version: 2, date: "2025-06-01" }).date).toBe("2025-06-01");
  });

  it("takes a status change with its reason and source", () => {
    expect(
      MeetingUpdateSchema.parse({
        version: 2,
        status: "POSTPONED",
        reason: " Snow ",
        sourceUrl: "https://example.org/note",
      }),
    ).toEqual({ version: 2, status: "POSTPONED", reason: "Snow", sourceUrl: "https://example.org/note" });
  });

  it("says why each field is refused", () => {
    expect(
      issuesOf(MeetingUpdateSchema, {
        version: 2,
        title: " ",
        date: "2025-13-01",
        venue: "a--b",
        summary: "s".repeat(10_001),
        status: "DONE",
        reason: "r".repeat(2001),
        sourceUrl: "ftp://example.org",
      }),
    ).toEqual([
      { path: "title", message: "Title is required" },
      { path: "date", message: "Must be a date (YYYY-MM-DD)" },
      { path: "venue", message: "Use lower-case letters, digits and single hyphens" },
      { path: "summary", message: "Summary must be at most 10000 characters" },
      { path: "status", message: "Must be one of PLANNED, HELD, POSTPONED, CANCELLED" },
      { path: "reason", message: "Reason must be at most 2000 characters" },
      { path: "sourceUrl", message: "Must be an http or https URL" },
    ]);
    expect(issuesOf(MeetingUpdateSchema, { version: 2, title: "t".repeat(201) })).toEqual([
      { path: "title", message: "Title must be at most 200 characters" },
    ]);
  });

  it("takes a reason of 2,000 characters; a blank one is none", () => {
    expect(MeetingUpdateSchema.parse({ version: 2, status: "HELD", reason: "r".repeat(2000) }).reason).toHaveLength(
      2000,
    );
    expect(issuesOf(MeetingUpdateSchema, { version: 2, status: "HELD", reason: " " })).toEqual([
      { path: "reason", message: "Reason is required to change the status" },
    ]);
  });

  it("with no status, a reason and a source are refused once, on the status field", () => {
    expect(issuesOf(MeetingUpdateSchema, { version: 2, reason: "r", sourceUrl: "https://example.org/note" })).toEqual([
      { path: "status", message: "Reason and source go with a status change" },
    ]);
  });
});

describe("OutcomeInputSchema, field by field", () => {
  it("takes a row with its version, move and date", () => {
    expect(
      OutcomeInputSchema.parse({
        grievanceId: " g1 ",
        version: "3",
        status: "RESOLVED",
        note: " Agreed ",
        occurredAt: "2025-04-10",
      }),
    ).toEqual({
      grievanceId: "g1",
      version: 3,
      status: "RESOLVED",
      note: "Agreed",
      occurredAt: new Date("2025-04-10T00:00:00Z"),
    });
    expect(OutcomeInputSchema.parse({ grievanceId: "g1", note: "n" })).toEqual({ grievanceId: "g1", note: "n" });
  });

  it("takes a note of 2,000 characters and says why a row is refused", () => {
    expect(OutcomeInputSchema.parse({ grievanceId: "g1", note: "n".repeat(2000) }).note).toHaveLength(2000);
    expect(issuesOf(OutcomeInputSchema, { grievanceId: "g/1", status: "DONE", note: "n".repeat(2001) })).toEqual([
      { path: "grievanceId", message: "Not a valid id" },
      {
        path: "status",
        message: "Must be one of OPEN, IN_NEGOTIATION, PARTIALLY_RESOLVED, RESOLVED, STALLED, WITHDRAWN",
      },
      { path: "note", message: "Note must be at most 2000 characters" },
    ]);
    expect(issuesOf(OutcomeInputSchema, { grievanceId: "g1" })).toEqual([
      { path: "note", message: "Note is required" },
    ]);
  });
});

describe("MeetingOutcomeSchema, field by field", () => {
  it("takes 1 to 50 rows, with a source and a date", () => {
    const parsed = MeetingOutcomeSchema.parse({
      outcomes: rows(50),
      sourceUrl: "https://example.org/readout",
      occurredAt: "2025-04-10",
    });
    expect(parsed.outcomes).toHaveLength(50);
    expect(parsed).toMatchObject({
      sourceUrl: "https://example.org/readout",
      occurredAt: new Date("2025-04-10T00:00:00Z"),
    });
    expect(MeetingOutcomeSchema.parse({ outcomes: rows(2) }).outcomes).toHaveLength(2);
  });

  it("refuses no rows, 51 rows, and what is not a list", () => {
    expect(issuesOf(MeetingOutcomeSchema, { outcomes: [] })).toEqual([
      { path: "outcomes", message: "Add at least one grievance" },
    ]);
    expect(issuesOf(MeetingOutcomeSchema, { outcomes: rows(51) })).toEqual([
      { path: "outcomes", message: "At most 50 grievances in one outcome" },
    ]);
    expect(issuesOf(MeetingOutcomeSchema, { outcomes: "g1" })).toEqual([
      { path: "outcomes", message: "Outcomes must be a list" },
    ]);
    expect(issuesOf(MeetingOutcomeSchema, {})).toEqual([{ path: "outcomes", message: "Outcomes must be a list" }]);
  });

  it("names each repeated grievance at its own row, after the first", () => {
    const repeated = [...rows(2), { grievanceId: "g0", note: "again" }, { grievanceId: "g1", note: "again" }];
    expect(issuesOf(MeetingOutcomeSchema, { outcomes: repeated })).toEqual([
      { path: "outcomes.2.grievanceId", message: "This grievance is listed twice" },
      { path: "outcomes.3.grievanceId", message: "This grievance is listed twice" },
    ]);
  });
});

describe("MeetingFiltersSchema", () => {
  it("takes nothing as no filter, and every filter of the list's address", () => {
    expect(MeetingFiltersSchema.parse({})).toEqual({});
    expect(
      MeetingFiltersSchema.parse({
        party: "Russia",
        venue: "istanbul",
        status: "HELD,PLANNED",
        from: "2025-01-01",
        to: "2025-12-31",
        deleted: "1",
        limit: "20",
      }),
    ).toEqual({
      party: "russia",
      venue: "istanbul",
      status: ["HELD", "PLANNED"],
      from: "2025-01-01",
      to: "2025-12-31",
      deleted: "1",
      limit: 20,
    });
  });

  it.each([
    [{ party: "a_b" }, "party", "Use lower-case letters, digits and single hyphens"],
    [{ venue: "a b" }, "venue", "Use lower-case letters, digits and single hyphens"],
    [{ status: "HELD,DONE" }, "status.1", "Must be one of PLANNED, HELD, POSTPONED, CANCELLED"],
    [{ from: "2025-1-1" }, "from", "Must be a date (YYYY-MM-DD)"],
    [{ to: "0000-01-01" }, "to", "Must be a date in year 1 or later"],
    [{ deleted: "true" }, "deleted", "Deleted takes 1"],
    [{ cursor: "!" }, "cursor", "Not a valid cursor: pass a nextCursor this list gave"],
    [{ colour: "red" }, "colour", 'Unknown field "colour"'],
  ])("refuses %j at %s", (input, path, message) => {
    expect(issuesOf(MeetingFiltersSchema, input)).toEqual([{ path, message }]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/meetings/route";
import { GET as readRoute, PATCH as patchRoute } from "@/app/api/v1/meetings/[id]/route";
import { POST as outcomesRoute } from "@/app/api/v1/meetings/[id]/outcomes/route";
import { GrievanceConflictSchema } from "@/lib/schemas/grievance";
import { MeetingDetailSchema, MeetingPageSchema } from "@/lib/schemas/meeting";
import { getDb } from "@/lib/server/db";
import { getGrievanceOrThrow } from "@/lib/server/grievances";
import { makeGrievance, makeMeeting, makeParty, makeVenue } from "../support/factories";
import { expectError, getRequest, jsonRequest, noParams, params, readJson } from "./support";

async function counts() {
  const db = await getDb();
  const [meetings, meetingHistory, participants, agenda, grievanceHistory] = await Promise.all([
    db.meeting.count(),
    db.meetingStatusChange.count(),
    db.meetingParticipant.count(),
    db.agendaItem.count(),
    db.grievanceStatusChange.count(),
  ]);
  return { meetings, meetingHistory, participants, agenda, grievanceHistory };
}

async function list(query: string) {
  const response = await listRoute(getRequest(`/api/v1/meetings${query}`), noParams);
  expect(response.status).toBe(200);
  return MeetingPageSchema.parse(await readJson(response));
}

let us: string;
let ru: string;
let mediator: string;
let geneva: string;
let vienna: string;

beforeAll(async () => {
  us = (await makeParty({ name: "United States", slug: "us" })).slug;
  ru = (await makeParty({ name: "Russia", slug: "ru" })).slug;
  mediator = (await makeParty({ name: "Switzerland", slug: "ch" })).slug;
  geneva = (await makeVenue({ name: "Palais", slug: "geneva" })).slug;
  vienna = (await makeVenue({ name: "Hofburg", slug: "vienna", city: "Vienna", country: "Austria" })).slug;
  const both = [
    { party: us, role: "DELEGATION" },
    { party: ru, role: "DELEGATION" },
  ];
  await makeMeeting({ title: "Round A", date: "2025-01-10", venue: geneva, participants: both });
  await makeMeeting({
    title: "Round B",
    date: "2025-03-05",
    venue: vienna,
    participants: [...both, { party: mediator, role: "MEDIATOR" }],
  });
  await makeMeeting({ title: "Round C", date: "2025-06-20", venue: geneva, status: "PLANNED", participants: both });
  await makeMeeting({ title: "Round undated", date: null, status: "PLANNED", participants: [{ party: us }] });
});

describe("GET /api/v1/meetings", () => {
  it("lists meetings newest first, undated last", async () => {
    const page = await list("");
    expect(page.items.map((m) => m.title)).toEqual(["Round C", "Round B", "Round A", "Round undated"]);
    expect(page.total).toBe(4);
    expect(page.nextCursor).toBeNull();
  });

  it("filters by party, venue, status and dates", async () => {
    expect((await list(`?party=${mediator}`)).items.map((m) => m.title)).toEqual(["Round B"]);
    expect((await list(`?venue=${geneva}`)).items.map((m) => m.title)).toEqual(["Round C", "Round A"]);
    expect((await list("?status=PLANNED")).items.map((m) => m.title)).toEqual(["Round C", "Round undated"]);
    expect((await list("?status=HELD,PLANNED")).total).toBe(4);
    expect((await list("?from=2025-02-01&to=2025-04-01")).items.map((m) => m.title)).toEqual(["Round B"]);
  });

  it("pages with a cursor", async () => {
    const first = await list("?limit=3");
    expect(first.items).toHaveLength(3);
    const second = await list(`?limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((m) => m.title)).toEqual(["Round undated"]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ["an unknown key", "?grievance=x", "grievance"],
    ["an unknown status", "?status=ADJOURNED", "status.0"],
    ["a bad date", "?from=March", "from"],
    ["a zero limit", "?limit=0", "limit"],
  ])("refuses %s with 400 naming the field", async (_what, query, path) => {
    await expectError(
      await listRoute(getRequest(`/api/v1/meetings${query}`), noParams),
      400,
      "VALIDATION_FAILED",
      path,
    );
  });
});

describe("POST /api/v1/meetings", () => {
  it("logs a meeting: 201, Location, participants and first history entry", async () => {
    const before = await counts();
    const response = await createRoute(
      jsonRequest("POST", "/api/v1/meetings", {
        title: "Round D",
        date: "2025-09-01",
        venue: vienna,
        status: "PLANNED",
        participants: [
          { party: us, headOfDelegation: "A. Diplomat" },
          { party: mediator, role: "HOST" },
        ],
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    const meeting = MeetingDetailSchema.parse(await readJson(response));
    expect(response.headers.get("location")).toBe(`/api/v1/meetings/${meeting.id}`);
    expect(meeting).toMatchObject({ title: "Round D", status: "PLANNED", version: 1, venue: { slug: vienna } });
    expect(meeting.participants).toHaveLength(2);
    expect(meeting.history).toEqual([expect.objectContaining({ from: null, to: "PLANNED" })]);
    expect(await counts()).toMatchObject({
      meetings: before.meetings + 1,
      meetingHistory: before.meetingHistory + 1,
      participants: before.participants + 2,
    });
  });

  it.each([
    ["an empty title", { title: "" }, "title"],
    ["an unknown venue", { title: "x", venue: "atlantis" }, "venue"],
    ["an unknown participant", { title: "x", participants: [{ party: "atlantis" }] }, "participants.0"],
    ["a bad date", { title: "x", date: "2025-13-40" }, "date"],
  ])("refuses %s with 400 and writes nothing", async (_what, body, path) => {
    const before = await counts();
    await expectError(
      await createRoute(jsonRequest("POST", "/api/v1/meetings", body), noParams),
      400,
      "VALIDATION_FAILED",
      path,
    );
    expect(await counts()).toEqual(before);
  });
});

describe("GET and PATCH /api/v1/meetings/{id}", () => {
  it("reads a meeting, and 404s for unknown and malformed ids", async () => {
    const m = await makeMeeting({ title: "Readable" });
    const response = await readRoute(getRequest(`/api/v1/meetings/${m.id}`), params({ id: m.id }));
    expect(response.status).toBe(200);
    expect(MeetingDetailSchema.parse(await readJson(response)).title).toBe("Readable");
    for (const id of ["cm0000000000000000000000", "no such id"]) {
      await expectError(await readRoute(getRequest("/api/v1/meetings/x"), params({ id })), 404, "NOT_FOUND");
    }
  });

  it("changes the status with a reason: history row, version bumped", async () => {
    const m = await makeMeeting({ status: "PLANNED" });
    const response = await patchRoute(
      jsonRequest("PATCH", `/api/v1/meetings/${m.id}`, { version: 1, status: "HELD", reason: "It took place" }),
      params({ id: m.id }),
    );
    expect(response.status).toBe(200);
    const updated = MeetingDetailSchema.parse(await readJson(response));
    expect(updated).toMatchObject({ status: "HELD", version: 2 });
    expect(updated.history.map((h) => [h.from, h.to])).toEqual([
      [null, "PLANNED"],
      ["PLANNED", "HELD"],
    ]);
  });

  it("refuses a stale version with 409 carrying the current meeting", async () => {
    const m = await makeMeeting({ status: "PLANNED" });
    expect(
      (
        await patchRoute(
          jsonRequest("PATCH", `/api/v1/meetings/${m.id}`, { version: 1, title: "Theirs" }),
          params({ id: m.id }),
        )
      ).status,
    ).toBe(200);
    const before = await counts();
    const response = await patchRoute(
      jsonRequest("PATCH", `/api/v1/meetings/${m.id}`, { version: 1, title: "Mine" }),
      params({ id: m.id }),
    );
    const body = await expectError(response, 409, "CONFLICT");
    expect(MeetingDetailSchema.parse(body.error.current)).toMatchObject({ title: "Theirs", version: 2 });
    expect(await counts()).toEqual(before);
  });

  it("refuses a status change without a reason, naming reason", async () => {
    const m = await makeMeeting({ status: "PLANNED" });
    const response = await patchRoute(
      jsonRequest("PATCH", `/api/v1/meetings/${m.id}`, { version: 1, status: "HELD" }),
      params({ id: m.id }),
    );
    await expectError(response, 400, "VALIDATION_FAILED", "reason");
  });
});

describe("POST /api/v1/meetings/{id}/outcomes", () => {
  it("logs the outcome: agenda notes, status moves with history, answers the meeting", async () => {
    const m = await makeMeeting({ status: "HELD" });
    // Raised before the round, so its move at the round is the timeline's last entry.
    const a = await makeGrievance({ raisedAt: "2025-01-15" });
    const b = await makeGrievance();
    const before = await counts();
    const response = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${m.id}/outcomes`, {
        outcomes: [
          { grievanceId: a.id, status: "IN_NEGOTIATION", note: "Agreed to a working group" },
          { grievanceId: b.id, note: "Mentioned only" },
        ],
      }),
      params({ id: m.id }),
    );
    expect(response.status).toBe(200);
    const meeting = MeetingDetailSchema.parse(await readJson(response));
    expect(meeting.agenda.map((item) => [item.grievance.id, item.statusAfter])).toEqual([
      [a.id, "IN_NEGOTIATION"],
      [b.id, null],
    ]);
    expect(await counts()).toMatchObject({ agenda: before.agenda + 2, grievanceHistory: before.grievanceHistory + 1 });
    const movedA = await getGrievanceOrThrow(SYSTEM, a.id);
    expect(movedA).toMatchObject({ status: "IN_NEGOTIATION", version: 2 });
    expect(movedA.history.at(-1)).toMatchObject({
      to: "IN_NEGOTIATION",
      meetingId: m.id,
      reason: "Agreed to a working group",
    });
  });

  it("is all or nothing: one bad row is a 400 naming it, and no agenda or history row is written", async () => {
    const m = await makeMeeting({ status: "HELD" });
    const a = await makeGrievance();
    const b = await makeGrievance();
    const before = await counts();
    const response = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${m.id}/outcomes`, {
        outcomes: [
          { grievanceId: a.id, status: "RESOLVED", note: "Settled" },
          { grievanceId: b.id, status: "STALLED", note: "" },
        ],
      }),
      params({ id: m.id }),
    );
    await expectError(response, 400, "VALIDATION_FAILED", "outcomes.1.note");
    expect(await counts()).toEqual(before);
    expect(await getGrievanceOrThrow(SYSTEM, a.id)).toMatchObject({ status: "OPEN", version: 1 });
  });

  it("refuses the batch when a later row is stale, and rolls back the rows before it", async () => {
    const m = await makeMeeting({ status: "HELD" });
    const a = await makeGrievance();
    const b = await makeGrievance();
    const before = await counts();
    const response = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${m.id}/outcomes`, {
        outcomes: [
          { grievanceId: a.id, version: 1, status: "RESOLVED", note: "Settled" },
          { grievanceId: b.id, version: 5, status: "STALLED", note: "Stuck" },
        ],
      }),
      params({ id: m.id }),
    );
    const body = await expectError(response, 409, "CONFLICT");
    expect(GrievanceConflictSchema.parse(body).error.current).toMatchObject({ id: b.id, version: 1 });
    expect(await counts()).toEqual(before);
    expect(await getGrievanceOrThrow(SYSTEM, a.id)).toMatchObject({ status: "OPEN", version: 1, agenda: [] });
  });

  it("refuses an unknown grievance, naming its row", async () => {
    const m = await makeMeeting({ status: "HELD" });
    const a = await makeGrievance();
    const before = await counts();
    const response = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${m.id}/outcomes`, {
        outcomes: [
          { grievanceId: a.id, note: "Fine" },
          { grievanceId: "cm0000000000000000000000", note: "Who?" },
        ],
      }),
      params({ id: m.id }),
    );
    await expectError(response, 400, "VALIDATION_FAILED", "outcomes.1.grievanceId");
    expect(await counts()).toEqual(before);
  });

  it("refuses a stale grievance version with 409 and writes nothing", async () => {
    const m = await makeMeeting({ status: "HELD" });
    const a = await makeGrievance();
    const before = await counts();
    const response = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${m.id}/outcomes`, {
        outcomes: [{ grievanceId: a.id, version: 7, status: "STALLED", note: "x" }],
      }),
      params({ id: m.id }),
    );
    const body = await expectError(response, 409, "CONFLICT");
    GrievanceConflictSchema.parse(body);
    expect(await counts()).toEqual(before);
  });

  it("refuses outcomes for a meeting not held, and 404s for an unknown meeting", async () => {
    const planned = await makeMeeting({ status: "PLANNED" });
    const a = await makeGrievance();
    const body = { outcomes: [{ grievanceId: a.id, note: "x" }] };
    await expectError(
      await outcomesRoute(
        jsonRequest("POST", `/api/v1/meetings/${planned.id}/outcomes`, body),
        params({ id: planned.id }),
      ),
      400,
      "VALIDATION_FAILED",
      "meetingId",
    );
    for (const id of ["cm0000000000000000000000", "bad id"]) {
      await expectError(
        await outcomesRoute(jsonRequest("POST", "/api/v1/meetings/x/outcomes", body), params({ id })),
        404,
        "NOT_FOUND",
      );
    }
  });

  it("refuses malformed JSON and a wrong content type", async () => {
    const m = await makeMeeting({ status: "HELD" });
    await expectError(
      await outcomesRoute(
        jsonRequest("POST", `/api/v1/meetings/${m.id}/outcomes`, "{outcomes: []}"),
        params({ id: m.id }),
      ),
      400,
      "VALIDATION_FAILED",
      "",
    );
    await expectError(
      await outcomesRoute(
        jsonRequest("POST", `/api/v1/meetings/${m.id}/outcomes`, "outcomes.0.note=x", {
          "Content-Type": "application/x-www-form-urlencoded",
        }),
        params({ id: m.id }),
      ),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });
});

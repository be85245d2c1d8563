import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/grievances/route";
import { PATCH as patchRoute } from "@/app/api/v1/grievances/[id]/route";
import { GET as historyRoute } from "@/app/api/v1/grievances/[id]/history/route";
import { POST as outcomesRoute } from "@/app/api/v1/meetings/[id]/outcomes/route";
import { GrievanceDetailSchema, GrievancePageSchema, HistoryListSchema } from "@/lib/schemas/grievance";
import { getDb } from "@/lib/server/db";
import { makeGrievance, makeMeeting, makeParty } from "../support/factories";
import { expectError, getRequest, jsonRequest, noParams, params, readJson } from "./support";

// Issue 8 over HTTP: `occurredAt` on PATCH and on outcome rows, `raisedAt`/`meetingId` on POST,
// and `occurredAt` beside `recordedAt` (and `at`, its alias) in the history.

const ROUND = "2025-04-10";
const ROUND_AT = "2025-04-10T00:00:00.000Z";
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** The grievance's status in the list, live or as of a day. */
async function listed(id: string, asOf?: string) {
  const response = await listRoute(getRequest(`/api/v1/grievances?limit=100${asOf ? `&asOf=${asOf}` : ""}`), noParams);
  expect(response.status).toBe(200);
  return GrievancePageSchema.parse(await readJson(response)).items.find((item) => item.id === id)?.status;
}

/** What a refused request must leave as it was. */
async function recordOf(id: string) {
  const db = await getDb();
  return {
    grievance: await db.grievance.findUniqueOrThrow({ where: { id } }),
    history: await db.grievanceStatusChange.count({ where: { grievanceId: id } }),
    revisions: await db.revision.count(),
    agenda: await db.agendaItem.count({ where: { grievanceId: id } }),
  };
}

function patch(id: string, body: Record<string, unknown>) {
  return patchRoute(jsonRequest("PATCH", `/api/v1/grievances/${id}`, body), params({ id }));
}

async function history(id: string) {
  const response = await historyRoute(getRequest(`/api/v1/grievances/${id}/history`), params({ id }));
  expect(response.status).toBe(200);
  return HistoryListSchema.parse(await readJson(response)).items;
}

describe("PATCH /api/v1/grievances/{id} with a date", () => {
  it("dates a move at its meeting and echoes occurredAt, at and recordedAt in the history", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    const meeting = await makeMeeting({ date: ROUND });
    const response = await patchRoute(
      jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, {
        version: 1,
        status: "STALLED",
        reason: "Typed today, happened at the round",
        meetingId: meeting.id,
      }),
      params({ id: g.id }),
    );
    expect(response.status).toBe(200);
    const moved = (await history(g.id)).at(-1)!;
    expect(moved).toMatchObject({ to: "STALLED", occurredAt: ROUND_AT, at: ROUND_AT });
    expect(moved.recordedAt > moved.occurredAt).toBe(true);
  });

  it("takes an ISO date or date-time; a future one is a 400 naming occurredAt, and nothing changes", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    const dated = await patchRoute(
      jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, {
        version: 1,
        status: "STALLED",
        reason: "r",
        occurredAt: "2025-03-02T10:15:00Z",
      }),
      params({ id: g.id }),
    );
    expect(dated.status).toBe(200);
    expect((await history(g.id)).at(-1)).toMatchObject({ occurredAt: "2025-03-02T10:15:00.000Z" });

    const db = await getDb();
    const rows = await db.grievanceStatusChange.count();
    for (const occurredAt of [tomorrow(), "10/04/2025", "2025-02-30"]) {
      const refused = await patchRoute(
        jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, { version: 2, status: "OPEN", reason: "r", occurredAt }),
        params({ id: g.id }),
      );
      await expectError(refused, 400, "VALIDATION_FAILED", "occurredAt");
    }
    expect(await db.grievanceStatusChange.count()).toBe(rows);
  });
});

describe("POST /api/v1/meetings/{id}/outcomes with dates", () => {
  it("dates every row at the meeting unless the row gives its date", async () => {
    const meeting = await makeMeeting({ date: ROUND, status: "HELD" });
    const a = await makeGrievance({ raisedAt: "2025-01-15" });
    const b = await makeGrievance({ raisedAt: "2025-01-15" });
    const response = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${meeting.id}/outcomes`, {
        outcomes: [
          { grievanceId: a.id, status: "STALLED", note: "At the round" },
          { grievanceId: b.id, status: "STALLED", note: "The day after", occurredAt: "2025-04-11" },
        ],
      }),
      params({ id: meeting.id }),
    );
    expect(response.status).toBe(200);
    expect((await history(a.id)).at(-1)).toMatchObject({ occurredAt: ROUND_AT, meetingId: meeting.id });
    expect((await history(b.id)).at(-1)).toMatchObject({ occurredAt: "2025-04-11T00:00:00.000Z" });
  });

  it("refuses a future row date with a 400 naming it", async () => {
    const meeting = await makeMeeting({ date: ROUND, status: "HELD" });
    const a = await makeGrievance();
    const response = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${meeting.id}/outcomes`, {
        outcomes: [{ grievanceId: a.id, status: "STALLED", note: "n", occurredAt: tomorrow() }],
      }),
      params({ id: meeting.id }),
    );
    await expectError(response, 400, "VALIDATION_FAILED", "outcomes.0.occurredAt");
  });
});

describe("POST /api/v1/grievances with provenance", () => {
  it("raises it at a meeting on a date: the first history entry says both", async () => {
    const [ru, us] = [await makeParty(), await makeParty()];
    const meeting = await makeMeeting({ date: ROUND });
    const response = await createRoute(
      jsonRequest("POST", "/api/v1/grievances", {
        title: "Raised at the round",
        category: "OTHER",
        raisedBy: [ru.slug],
        addressedTo: [us.slug],
        meetingId: meeting.id,
        raisedAt: ROUND,
        citations: [{ quote: "raised it", source: "https://example.org/round" }],
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    const created = GrievanceDetailSchema.parse(await readJson(response));
    expect(created.history).toEqual([
      expect.objectContaining({ from: null, meetingId: meeting.id, occurredAt: ROUND_AT, at: ROUND_AT }),
    ]);
    expect(created.citations).toHaveLength(1);
  });

  it("refuses a future raisedAt with a 400 naming it", async () => {
    const [ru, us] = [await makeParty(), await makeParty()];
    const response = await createRoute(
      jsonRequest("POST", "/api/v1/grievances", {
        title: "Not yet",
        category: "OTHER",
        raisedBy: [ru.slug],
        addressedTo: [us.slug],
        raisedAt: tomorrow(),
      }),
      noParams,
    );
    await expectError(response, 400, "VALIDATION_FAILED", "raisedAt");
  });
});

describe("a move dated before the latest one, over HTTP", () => {
  it("keeps the later move's status in the list, and the list as of a day between shows the earlier one", async () => {
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    expect(
      (await patch(g.id, { version: 1, status: "STALLED", reason: "June", occurredAt: "2025-06-01" })).status,
    ).toBe(200);
    const late = await patch(g.id, { version: 2, status: "IN_NEGOTIATION", reason: "April", occurredAt: "2025-04-10" });
    expect(late.status).toBe(200);
    expect(GrievanceDetailSchema.parse(await readJson(late))).toMatchObject({
      status: "STALLED",
      lastMovedAt: "2025-06-01T00:00:00.000Z",
    });
    expect(await listed(g.id)).toBe("STALLED");
    expect(await listed(g.id, "2025-05-01")).toBe("IN_NEGOTIATION");
    expect((await history(g.id)).map((h) => [h.from, h.to])).toEqual([
      [null, "OPEN"],
      ["OPEN", "IN_NEGOTIATION"],
      ["OPEN", "STALLED"],
    ]);

    // One that would leave the June move moving nothing is a 400 naming occurredAt; nothing changes.
    const before = await recordOf(g.id);
    const refused = await patch(g.id, { version: 3, status: "STALLED", reason: "r", occurredAt: "2025-05-01" });
    const body = await expectError(refused, 400, "VALIDATION_FAILED", "occurredAt");
    expect(body.error.issues[0]!.message).toContain("2025-06-01");
    expect(await recordOf(g.id)).toEqual(before);
  });
});

describe("a move or an outcome row dated before the grievance was raised, over HTTP", () => {
  it("is a 400 naming occurredAt (or the row's), and changes nothing", async () => {
    const g = await makeGrievance({ raisedAt: "2025-03-01" });
    const other = await makeGrievance({ raisedAt: "2025-01-15" });
    const meeting = await makeMeeting({ date: "2025-02-10", status: "HELD" });
    const before = [await recordOf(g.id), await recordOf(other.id)];

    const refused = await patch(g.id, { version: 1, status: "STALLED", reason: "r", occurredAt: "2025-02-01" });
    const body = await expectError(refused, 400, "VALIDATION_FAILED", "occurredAt");
    expect(body.error.issues[0]!.message).toBe("It was raised on 2025-03-01: nothing can be dated before that");

    const outcome = await outcomesRoute(
      jsonRequest("POST", `/api/v1/meetings/${meeting.id}/outcomes`, {
        outcomes: [
          { grievanceId: other.id, status: "STALLED", note: "Raised by then" },
          { grievanceId: g.id, note: "Not raised yet" },
        ],
      }),
      params({ id: meeting.id }),
    );
    await expectError(outcome, 400, "VALIDATION_FAILED", "outcomes.1.occurredAt");
    expect([await recordOf(g.id), await recordOf(other.id)]).toEqual(before);
  });
});

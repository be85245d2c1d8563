import { beforeAll, describe, expect, it } from "vitest";
import { GET as overviewRoute } from "@/app/api/v1/overview/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { OverviewSchema, type Overview } from "@/lib/schemas/overview";
import { SYSTEM } from "@/lib/server/authz";
import { createGrievance, updateGrievance } from "@/lib/server/grievances";
import { createMeeting } from "@/lib/server/meetings";
import { getOverview } from "@/lib/server/overview";
import { makeParty } from "../support/factories";
import { expectError, getRequest, noParams, readJson } from "./support";

// GET /api/v1/overview: the home page's figures, live or replayed as of a past day. The fixtures
// are dated so that every number below can be worked out by hand:
//
//   2025-02-10  "Consular access" raised by alpha against beta (OPEN)
//   2025-03-01  first round (held); "Consular access" → IN_NEGOTIATION at it
//   2025-03-05  "Frozen accounts" raised by beta against alpha (OPEN)
//   2025-03-20  "Frozen accounts" → RESOLVED
//   2025-04-05  "Direct flights" raised by alpha against beta (OPEN)
//   2025-04-10  second round (held); "Consular access" → STALLED at it

let ids: { consular: string; accounts: string; flights: string; first: string; second: string };

beforeAll(async () => {
  await makeParty({ name: "Alpha", slug: "alpha" });
  await makeParty({ name: "Beta", slug: "beta" });
  const first = await createMeeting(SYSTEM, { title: "First round", date: "2025-03-01", status: "HELD" });
  const second = await createMeeting(SYSTEM, { title: "Second round", date: "2025-04-10", status: "HELD" });
  const raise = (title: string, by: string, to: string, raisedAt: string) =>
    createGrievance(SYSTEM, { title, category: "OTHER", raisedBy: [by], addressedTo: [to], raisedAt });
  // Each move is typed in the order it happened, so the live status and the last dated move agree.
  const consular = await raise("Consular access", "alpha", "beta", "2025-02-10");
  await updateGrievance(SYSTEM, consular.id, {
    version: 1,
    status: "IN_NEGOTIATION",
    reason: "Taken up at the first round",
    meetingId: first.id,
  });
  const accounts = await raise("Frozen accounts", "beta", "alpha", "2025-03-05");
  await updateGrievance(SYSTEM, accounts.id, {
    version: 1,
    status: "RESOLVED",
    reason: "Accounts unfrozen",
    occurredAt: "2025-03-20",
  });
  const flights = await raise("Direct flights", "alpha", "beta", "2025-04-05");
  await updateGrievance(SYSTEM, consular.id, {
    version: 2,
    status: "STALLED",
    reason: "No answer at the second round",
    meetingId: second.id,
  });
  ids = { consular: consular.id, accounts: accounts.id, flights: flights.id, first: first.id, second: second.id };
});

async function overview(query = ""): Promise<Overview> {
  const response = await overviewRoute(getRequest(`/api/v1/overview${query}`), noParams);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return OverviewSchema.parse(await readJson(response));
}

/** The counts per status, leaving out the statuses none has. */
function statusCounts(o: Overview): Record<string, number> {
  return Object.fromEntries(o.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count]));
}

const byParty = (o: Overview) => o.unsettledByParty.map((row) => [row.party.slug, row.raised, row.addressed]);

describe("GET /api/v1/overview", () => {
  it("answers today's figures, the very ones the overview page is rendered from", async () => {
    const live = await overview();
    expect(live.asOf).toBeNull();
    expect(live.explanation).toBeNull();
    expect(live.totalGrievances).toBe(3);
    expect(statusCounts(live)).toEqual({ OPEN: 1, RESOLVED: 1, STALLED: 1 });
    expect(live.byStatus.map((s) => s.status)).toEqual([
      "OPEN",
      "IN_NEGOTIATION",
      "PARTIALLY_RESOLVED",
      "RESOLVED",
      "STALLED",
      "WITHDRAWN",
    ]);
    // Open ones only: consular (stalled) and flights by alpha against beta; accounts is resolved.
    expect(byParty(live)).toEqual([
      ["alpha", 2, 0],
      ["beta", 0, 2],
    ]);
    expect(live.lastRound).toEqual({ id: ids.second, title: "Second round", date: "2025-04-10T00:00:00.000Z" });
    expect(live.latestMeetings.map((m) => m.title)).toEqual(["Second round", "First round"]);
    expect(live.latestMoves.map((m) => [m.grievance.title, m.to, m.at.slice(0, 10), m.meeting?.title ?? null])).toEqual(
      [
        ["Consular access", "STALLED", "2025-04-10", "Second round"],
        ["Direct flights", "OPEN", "2025-04-05", null],
        ["Frozen accounts", "RESOLVED", "2025-03-20", null],
        ["Frozen accounts", "OPEN", "2025-03-05", null],
        ["Consular access", "IN_NEGOTIATION", "2025-03-01", "First round"],
        ["Consular access", "OPEN", "2025-02-10", null],
      ],
    );
    // What app/page.tsx renders is getOverview's answer: the API serves it as it is.
    expect(live).toEqual(JSON.parse(JSON.stringify(await getOverview(SYSTEM, new Date(), {}))));
  });

  it("replays the counts as of a day before a move: the earlier statuses, the round before", async () => {
    // 10 Mar 2025: consular in negotiation (not yet stalled), accounts open (not yet resolved), no flights.
    const march = await overview("?asOf=2025-03-10");
    expect(march.asOf).toBe("2025-03-10");
    expect(march.explanation).toBeNull();
    expect(march.totalGrievances).toBe(2);
    expect(statusCounts(march)).toEqual({ OPEN: 1, IN_NEGOTIATION: 1 });
    expect(byParty(march)).toEqual([
      ["alpha", 1, 1],
      ["beta", 1, 1],
    ]);
    expect(march.lastRound).toEqual({ id: ids.first, title: "First round", date: "2025-03-01T00:00:00.000Z" });
    // From the first round to the end of 10 Mar.
    expect(march.daysSinceLastRound).toBe(9);
    expect(march.latestMeetings.map((m) => m.title)).toEqual(["First round"]);
    expect(march.latestMoves.map((m) => [m.grievance.id, m.to])).toEqual([
      [ids.accounts, "OPEN"],
      [ids.consular, "IN_NEGOTIATION"],
      [ids.consular, "OPEN"],
    ]);

    // The day before the second round: resolved already, not stalled yet.
    const april = await overview("?asOf=2025-04-09");
    expect(statusCounts(april)).toEqual({ OPEN: 1, IN_NEGOTIATION: 1, RESOLVED: 1 });
    expect(april.lastRound?.title).toBe("First round");
    expect(april.daysSinceLastRound).toBe(39);
  });

  it("explains an empty overview for a day before anything was raised", async () => {
    const before = await overview("?asOf=2025-02-09");
    expect(before).toEqual({
      asOf: "2025-02-09",
      explanation:
        "Nothing had been raised by 2025-02-09: the record starts later. Pick a later day, or leave out asOf for today.",
      unsettledByParty: [],
      byStatus: [
        { status: "OPEN", count: 0 },
        { status: "IN_NEGOTIATION", count: 0 },
        { status: "PARTIALLY_RESOLVED", count: 0 },
        { status: "RESOLVED", count: 0 },
        { status: "STALLED", count: 0 },
        { status: "WITHDRAWN", count: 0 },
      ],
      totalGrievances: 0,
      lastRound: null,
      daysSinceLastRound: null,
      latestMeetings: [],
      latestMoves: [],
    });
  });

  it("reads a future day as today", async () => {
    const future = await overview("?asOf=2999-01-01");
    expect(future.asOf).toBeNull();
    expect(statusCounts(future)).toEqual({ OPEN: 1, RESOLVED: 1, STALLED: 1 });
  });

  it.each(["2025-13-01", "2025-02-30", "1-3-2025", "yesterday", "2025-03-01T00:00:00Z"])(
    "refuses asOf=%s with 400 naming asOf",
    async (value) => {
      const response = await overviewRoute(getRequest(`/api/v1/overview?asOf=${encodeURIComponent(value)}`), noParams);
      await expectError(response, 400, "VALIDATION_FAILED", "asOf");
    },
  );

  it("refuses any other query parameter, naming it", async () => {
    const response = await overviewRoute(getRequest("/api/v1/overview?party=alpha"), noParams);
    await expectError(response, 400, "VALIDATION_FAILED", "party");
  });

  it("answers 401 to a request without a session or token, and to a bad token", async () => {
    const anonymous = new Request("http://localhost/api/v1/overview");
    await expectError(await overviewRoute(anonymous, noParams), 401, "UNAUTHENTICATED");
    const forged = getRequest("/api/v1/overview", { Authorization: "Bearer not-a-token" });
    await expectError(await overviewRoute(forged, noParams), 401, "UNAUTHENTICATED");
  });

  it("is in the OpenAPI document, with asOf, its errors and the response schema", async () => {
    const response = await openApiRoute(getRequest("/api/v1/openapi.json"), noParams);
    const doc = await readJson<any>(response);
    const get = doc.paths["/api/v1/overview"]?.get;
    expect(get).toBeDefined();
    expect(get.tags).toEqual(["Overview"]);
    expect(get.parameters).toEqual([
      expect.objectContaining({ name: "asOf", in: "query", schema: expect.objectContaining({ format: "date" }) }),
    ]);
    expect(get.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/Overview");
    expect(get.responses["400"]).toEqual({ $ref: "#/components/responses/ValidationFailed" });
    expect(get.responses["401"]).toEqual({ $ref: "#/components/responses/Unauthenticated" });
    expect(get.responses["403"]).toBeUndefined();
    const schema = doc.components.schemas.Overview;
    expect(schema.required).toEqual(
      expect.arrayContaining(["asOf", "explanation", "unsettledByParty", "byStatus", "totalGrievances", "latestMoves"]),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/grievances/route";
import { GET as readRoute } from "@/app/api/v1/grievances/[id]/route";
import { GET as historyRoute } from "@/app/api/v1/grievances/[id]/history/route";
import { GrievanceDetailSchema, GrievancePageSchema, HistoryListSchema } from "@/lib/schemas/grievance";
import { SYSTEM } from "@/lib/server/authz";
import { createGrievance, updateGrievance } from "@/lib/server/grievances";
import { makeParty } from "../support/factories";
import { expectError, getRequest, noParams, params, readJson } from "./support";

// `asOf=YYYY-MM-DD` on the grievance reads: the record replayed as of the end of that day (UTC).

let id = "";
beforeAll(async () => {
  const [by, to] = [await makeParty(), await makeParty()];
  const raised = await createGrievance(
    SYSTEM,
    { title: "Replayed consulate", category: "OTHER", raisedBy: [by.slug], addressedTo: [to.slug] },
    { at: new Date("2025-02-10T09:00:00Z") },
  );
  // Logged late, out of order: the later-dated move first.
  await updateGrievance(
    SYSTEM,
    raised.id,
    { version: 1, status: "STALLED", reason: "Talks broke off" },
    { at: new Date("2025-04-02T10:00:00Z") },
  );
  await updateGrievance(
    SYSTEM,
    raised.id,
    { version: 2, status: "IN_NEGOTIATION", reason: "Taken up at the round" },
    { at: new Date("2025-03-01T18:00:00Z") },
  );
  id = raised.id;
});

async function ok(response: Response) {
  expect(response.status).toBe(200);
  return readJson(response);
}

describe("asOf on the grievance reads", () => {
  it("replays the list, the record and its history as of the end of the day", async () => {
    const page = GrievancePageSchema.parse(
      await ok(await listRoute(getRequest("/api/v1/grievances?asOf=2025-03-01"), noParams)),
    );
    expect(page.items.find((g) => g.id === id)).toMatchObject({ status: "IN_NEGOTIATION" });
    const detail = GrievanceDetailSchema.parse(
      await ok(await readRoute(getRequest(`/api/v1/grievances/${id}?asOf=2025-03-01`), params({ id }))),
    );
    expect(detail).toMatchObject({ status: "IN_NEGOTIATION", lastMovedAt: "2025-03-01T18:00:00.000Z" });
    expect(detail.history.map((h) => h.to)).toEqual(["OPEN", "IN_NEGOTIATION"]);
    const history = HistoryListSchema.parse(
      await ok(await historyRoute(getRequest(`/api/v1/grievances/${id}/history?asOf=2025-02-28`), params({ id }))),
    );
    expect(history.items.map((h) => h.to)).toEqual(["OPEN"]);
  });

  it("filters on the replayed status, and hides a grievance not raised yet", async () => {
    const stalled = GrievancePageSchema.parse(
      await ok(await listRoute(getRequest("/api/v1/grievances?asOf=2025-04-02&status=STALLED"), noParams)),
    );
    expect(stalled.items.map((g) => g.id)).toEqual([id]);
    const before = GrievancePageSchema.parse(
      await ok(await listRoute(getRequest("/api/v1/grievances?asOf=2025-02-09"), noParams)),
    );
    expect(before.items.map((g) => g.id)).not.toContain(id);
    const response = await readRoute(getRequest(`/api/v1/grievances/${id}?asOf=2025-02-09`), params({ id }));
    const body = await expectError(response, 404, "NOT_FOUND");
    expect(body.error.message).toBe("Grievance had not been raised by 2025-02-09");
  });

  it.each(["%", "_", "\\", "consul_te", "consulate%"])("searches for %j as the live list does", async (q) => {
    const search = `q=${encodeURIComponent(q)}`;
    const live = GrievancePageSchema.parse(
      await ok(await listRoute(getRequest(`/api/v1/grievances?${search}`), noParams)),
    );
    const replayed = GrievancePageSchema.parse(
      await ok(await listRoute(getRequest(`/api/v1/grievances?asOf=2025-03-01&${search}`), noParams)),
    );
    expect(replayed.items.map((g) => g.id)).toEqual(live.items.map((g) => g.id));
  });

  it("finds a grievance by a word of its corrected title", async () => {
    const page = GrievancePageSchema.parse(
      await ok(await listRoute(getRequest("/api/v1/grievances?asOf=2025-03-01&q=CONSULATE"), noParams)),
    );
    expect(page.items.map((g) => g.id)).toEqual([id]);
  });

  it("reads a future day as today", async () => {
    const detail = GrievanceDetailSchema.parse(
      await ok(await readRoute(getRequest(`/api/v1/grievances/${id}?asOf=2999-01-01`), params({ id }))),
    );
    expect(detail.history).toHaveLength(3);
  });

  it.each(["2025-13-01", "2025-02-30", "1-3-2025", "yesterday", "2025-03-01T00:00:00Z"])(
    "refuses asOf=%s with 400 naming asOf",
    async (value) => {
      const query = `asOf=${encodeURIComponent(value)}`;
      await expectError(
        await listRoute(getRequest(`/api/v1/grievances?${query}`), noParams),
        400,
        "VALIDATION_FAILED",
        "asOf",
      );
      const read = await readRoute(getRequest(`/api/v1/grievances/${id}?${query}`), params({ id }));
      await expectError(read, 400, "VALIDATION_FAILED", "asOf");
      const history = await historyRoute(getRequest(`/api/v1/grievances/${id}/history?${query}`), params({ id }));
      await expectError(history, 400, "VALIDATION_FAILED", "asOf");
    },
  );

  it("refuses any other query key on a record's reads", async () => {
    const read = await readRoute(getRequest(`/api/v1/grievances/${id}?colour=red`), params({ id }));
    await expectError(read, 400, "VALIDATION_FAILED", "colour");
  });
});

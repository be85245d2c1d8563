import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import {
  createGrievance,
  getGrievanceHistory,
  getGrievanceOrThrow,
  listGrievances,
  updateGrievance,
} from "@/lib/server/grievances";
import { makeGrievance, makeMeeting, makeParty } from "../support/factories";

async function counts() {
  const db = await getDb();
  const [grievances, history, links, citations] = await Promise.all([
    db.grievance.count(),
    db.grievanceStatusChange.count(),
    db.grievanceParty.count(),
    db.citation.count(),
  ]);
  return { grievances, history, links, citations };
}

describe("creating a grievance", () => {
  it("writes the grievance, its parties, citations and first history entry together", async () => {
    const us = await makeParty({ name: "United States", slug: "us" });
    const ru = await makeParty({ name: "Russia", slug: "ru" });
    const g = await createGrievance(SYSTEM, {
      title: "Frozen properties",
      category: "PROPERTY",
      raisedBy: [ru.slug],
      addressedTo: [us.slug],
      citations: [{ quote: "demanded the return", source: "https://example.org/editorial" }],
    });
    expect(g).toMatchObject({ status: "OPEN", version: 1, raisedBy: [{ slug: "ru" }], addressedTo: [{ slug: "us" }] });
    expect(g.citations).toEqual([
      expect.objectContaining({
        quote: "demanded the return",
        source: expect.objectContaining({ url: "https://example.org/editorial" }),
      }),
    ]);
    expect(g.history).toHaveLength(1);
    expect(g.history[0]).toMatchObject({ from: null, to: "OPEN", reason: "Raised" });
  });

  it("refuses an unknown party, naming it, and writes nothing", async () => {
    const before = await counts();
    const party = await makeParty();
    const afterParty = await counts();
    await expect(
      createGrievance(SYSTEM, { title: "x", category: "OTHER", raisedBy: [party.slug], addressedTo: ["atlantis"] }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "addressedTo.0", message: 'Unknown party "atlantis"' }],
    });
    expect(await counts()).toEqual(afterParty);
    expect(afterParty.grievances).toBe(before.grievances);
  });
});

describe("moving a status", () => {
  it("changes the status, appends a history row and bumps the version in one go", async () => {
    // Raised before the round, so its move at the round follows the raising in the timeline.
    const g = await makeGrievance({ raisedAt: "2025-01-15" });
    const meeting = await makeMeeting();
    const moved = await updateGrievance(SYSTEM, g.id, {
      status: "IN_NEGOTIATION",
      reason: "Roadmap agreed",
      version: 1,
      meetingId: meeting.id,
      sourceUrl: "https://example.org/readout",
    });
    expect(moved).toMatchObject({ status: "IN_NEGOTIATION", version: 2 });
    const history = await getGrievanceHistory(SYSTEM, g.id);
    expect(history.map((h) => [h.from, h.to])).toEqual([
      [null, "OPEN"],
      ["OPEN", "IN_NEGOTIATION"],
    ]);
    expect(history[1]).toMatchObject({
      reason: "Roadmap agreed",
      meetingId: meeting.id,
      source: { url: "https://example.org/readout" },
    });
    expect(moved.lastMeeting?.id).toBe(meeting.id);
  });

  it("refuses a stale version with the current record, and changes nothing", async () => {
    const g = await makeGrievance();
    await updateGrievance(SYSTEM, g.id, { status: "STALLED", reason: "first", version: 1 });
    const before = await counts();
    const error = await updateGrievance(SYSTEM, g.id, { status: "RESOLVED", reason: "second", version: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "CONFLICT", current: { id: g.id, status: "STALLED", version: 2 } });
    expect(await counts()).toEqual(before);
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).status).toBe("STALLED");
  });

  it("refuses a move to the status it already has", async () => {
    const g = await makeGrievance();
    await expect(updateGrievance(SYSTEM, g.id, { status: "OPEN", reason: "again", version: 1 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "status", message: "The grievance already has this status" }],
    });
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).version).toBe(1);
  });

  it("refuses an unknown meeting and writes nothing", async () => {
    const g = await makeGrievance();
    const before = await counts();
    await expect(
      updateGrievance(SYSTEM, g.id, { status: "STALLED", reason: "r", version: 1, meetingId: "nope" }),
    ).rejects.toMatchObject({
      issues: [{ path: "meetingId", message: "Unknown meeting" }],
    });
    expect(await counts()).toEqual(before);
  });

  it("edits fields and replaces parties with the version check", async () => {
    const g = await makeGrievance();
    const other = await makeParty({ name: "Türkiye", slug: "turkiye" });
    const edited = await updateGrievance(SYSTEM, g.id, { version: 1, title: "Renamed", raisedBy: [other.slug] });
    expect(edited).toMatchObject({ title: "Renamed", version: 2, raisedBy: [{ slug: "turkiye", name: "Türkiye" }] });
    expect(edited.history).toHaveLength(1);
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    await expect(getGrievanceOrThrow(SYSTEM, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateGrievance(SYSTEM, "missing", { version: 1, title: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lets exactly one of twenty concurrent saves of the same version through", async () => {
    const g = await makeGrievance();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateGrievance(SYSTEM, g.id, { status: "STALLED", reason: `writer ${i}`, version: 1 }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as { code: string }).code)).toEqual(Array(19).fill("CONFLICT"));
    expect(await getGrievanceHistory(SYSTEM, g.id)).toHaveLength(2);
  });
});

describe("listing and searching", () => {
  let ru: string;
  let us: string;
  let meetingId: string;
  beforeAll(async () => {
    ru = (await makeParty({ name: "Russia", slug: "russia" })).slug;
    us = (await makeParty({ name: "United States", slug: "united-states" })).slug;
    meetingId = (await makeMeeting()).id;
    await makeGrievance({ title: "Визы задерживаются в Москве", category: "VISAS", raisedBy: [ru], addressedTo: [us] });
    await makeGrievance({
      title: "Local staff ban",
      category: "LOCAL_STAFF",
      raisedBy: [us],
      addressedTo: [ru],
      description: "Talks hosted by Türkiye in İstanbul",
    });
    const moved = await makeGrievance({
      title: "Direct flights",
      category: "FLIGHTS",
      raisedBy: [ru],
      addressedTo: [us],
    });
    await updateGrievance(SYSTEM, moved.id, {
      status: "STALLED",
      reason: "Вопрос отложен до следующего раунда",
      version: 1,
      meetingId,
    });
  });

  const titles = async (filters: Record<string, unknown>) =>
    (await listGrievances(SYSTEM, filters)).items.map((g) => g.title).sort();

  it("filters by party in either role, or narrowed to raised / addressed", async () => {
    expect(await titles({ party: "russia" })).toEqual([
      "Direct flights",
      "Local staff ban",
      "Визы задерживаются в Москве",
    ]);
    expect(await titles({ party: "russia", role: "raised" })).toEqual([
      "Direct flights",
      "Визы задерживаются в Москве",
    ]);
    expect(await titles({ party: "russia", role: "addressed" })).toEqual(["Local staff ban"]);
  });

  it("filters by several statuses, category and meeting", async () => {
    expect(await titles({ party: "russia", status: "STALLED,RESOLVED" })).toEqual(["Direct flights"]);
    expect(await titles({ party: "russia", category: "VISAS,LOCAL_STAFF" })).toEqual([
      "Local staff ban",
      "Визы задерживаются в Москве",
    ]);
    expect(await titles({ meeting: meetingId })).toEqual(["Direct flights"]);
  });

  it("folds case and accents in Cyrillic, Turkish and Latin, over titles, descriptions and reasons", async () => {
    expect(await titles({ q: "москве" })).toEqual(["Визы задерживаются в Москве"]);
    expect(await titles({ q: "turkiye" })).toEqual(["Local staff ban"]);
    expect(await titles({ q: "ISTANBUL" })).toEqual(["Local staff ban"]);
    expect(await titles({ q: "отложен раунда" })).toEqual(["Direct flights"]);
    expect(await titles({ q: "ankara" })).toEqual([]);
  });

  it("sorts and pages with a cursor", async () => {
    const first = await listGrievances(SYSTEM, { party: "russia", sort: "title", dir: "asc", limit: "2" });
    expect(first.items.map((g) => g.title)).toEqual(["Direct flights", "Local staff ban"]);
    expect(first.total).toBe(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await listGrievances(SYSTEM, {
      party: "russia",
      sort: "title",
      dir: "asc",
      limit: "2",
      cursor: first.nextCursor,
    });
    expect(second.items.map((g) => g.title)).toEqual(["Визы задерживаются в Москве"]);
    expect(second.nextCursor).toBeNull();
  });
});

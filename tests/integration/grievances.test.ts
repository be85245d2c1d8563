import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import {
  createGrievance,
  deleteGrievance,
  getGrievanceHistory,
  getGrievanceOrThrow,
  listGrievanceOptions,
  listGrievances,
  restoreGrievance,
  updateGrievance,
} from "@/lib/server/grievances";
import { logMeetingOutcome } from "@/lib/server/meetings";
import { listRevisions } from "@/lib/server/revisions";
import { makeGrievance, makeMeeting, makeParty, userActor } from "../support/factories";

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

describe("what a grievance records when it is raised", () => {
  it("dates its raising, names the meeting and reason given, and cites the source by title", async () => {
    const meeting = await makeMeeting({ date: "2025-02-10" });
    const party = await makeParty();
    const g = await createGrievance(
      SYSTEM,
      { title: "Seized archive", category: "PROPERTY", raisedBy: [party.slug], addressedTo: [party.slug] },
      {
        raisedAtMeetingId: meeting.id,
        raisedReason: "Raised at the round",
        sourceTitle: "TASS report",
        at: new Date("2025-03-01T00:00:00Z"),
      },
    );
    expect(g).toMatchObject({
      description: "",
      lastMovedAt: "2025-03-01T00:00:00.000Z",
      createdAt: "2025-03-01T00:00:00.000Z",
    });
    expect(g.lastMeeting?.id).toBe(meeting.id);
    expect(g.history).toEqual([
      expect.objectContaining({
        from: null,
        to: "OPEN",
        reason: "Raised at the round",
        meetingId: meeting.id,
        meeting: expect.objectContaining({ id: meeting.id, date: "2025-02-10T00:00:00.000Z" }),
        source: expect.objectContaining({ title: "TASS report", url: null }),
      }),
    ]);
  });

  it("without a date or meeting is raised now, with the default reason and no source", async () => {
    const before = Date.now();
    const g = await createGrievance(SYSTEM, {
      title: "Undated",
      category: "OTHER",
      raisedBy: [(await makeParty()).slug],
      addressedTo: [(await makeParty()).slug],
    });
    expect(Date.parse(g.lastMovedAt)).toBeGreaterThanOrEqual(before);
    expect(g.history).toEqual([
      expect.objectContaining({ reason: "Raised", meetingId: null, meeting: null, source: null }),
    ]);
    expect(g.lastMeeting).toBeNull();
  });
});

describe("editing a grievance", () => {
  it("writes title, description and category, and the search text follows the new words, keeping the moves' reasons", async () => {
    const g = await makeGrievance({ title: "Embassy parking", description: "Tow trucks" });
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "Awaiting the ministry" });
    const edited = await updateGrievance(SYSTEM, g.id, {
      version: 2,
      title: "Diplomatic parking",
      description: "Clamped cars",
      category: "BANKING",
    });
    expect(edited).toMatchObject({
      title: "Diplomatic parking",
      description: "Clamped cars",
      category: "BANKING",
      status: "STALLED",
      version: 3,
    });
    const found = async (q: string) => (await listGrievances(SYSTEM, { q })).items.map((i) => i.id);
    expect(await found("clamped")).toEqual([g.id]);
    expect(await found("diplomatic parking")).toEqual([g.id]);
    expect(await found("ministry")).toEqual([g.id]);
    expect(await found("tow")).toEqual([]);
    expect(await found("embassy")).toEqual([]);
  });

  it("replaces only the role it names, and leaves the other role's parties", async () => {
    const a = await makeParty();
    const b = await makeParty();
    const c = await makeParty();
    const g = await makeGrievance({ raisedBy: [a.slug], addressedTo: [b.slug] });
    const edited = await updateGrievance(SYSTEM, g.id, { version: 1, addressedTo: [c.slug, b.slug] });
    expect(edited.raisedBy.map((p) => p.slug)).toEqual([a.slug]);
    expect(edited.addressedTo.map((p) => p.slug).sort()).toEqual([b.slug, c.slug].sort());
    const db = await getDb();
    expect(await db.grievanceParty.count({ where: { grievanceId: g.id } })).toBe(3);
  });

  it("a move appends its folded reason to the search text, as a part of its own", async () => {
    const g = await makeGrievance({ title: "Quiet file" });
    const db = await getDb();
    const before = (await db.grievance.findUniqueOrThrow({ where: { id: g.id } })).searchText;
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "Quiet AGAIN" });
    expect((await db.grievance.findUniqueOrThrow({ where: { id: g.id } })).searchText).toBe(`${before}\nquiet again`);
  });
});

describe("paging a list sorted by an enum column", () => {
  it("visits every row once, in the database's order of the values, whatever the sort and direction", async () => {
    const tag = "enumpagingtag";
    const statuses = ["WITHDRAWN", "OPEN", "RESOLVED", "IN_NEGOTIATION", "STALLED"] as const;
    const categories = ["VISAS", "BANKING", "PROPERTY", "OTHER", "FLIGHTS"] as const;
    for (const [i, status] of statuses.entries()) {
      const g = await makeGrievance({ title: `${tag} ${i}`, category: categories[i] });
      if (status !== "OPEN") await updateGrievance(SYSTEM, g.id, { version: 1, status, reason: "moved" });
    }
    for (const sort of ["status", "category"] as const) {
      for (const dir of [undefined, "desc"] as const) {
        const whole = await listGrievances(SYSTEM, { q: tag, sort, dir, limit: 100 });
        const values = whole.items.map((i) => i[sort]);
        expect(new Set(values).size).toBe(5);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof listGrievances>> = await listGrievances(SYSTEM, {
            q: tag,
            sort,
            dir,
            limit: 1,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...page.items.map((i) => i[sort]));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen).toEqual(values);
        // The list's own default direction is ascending for an enum, a title; newest first for dates.
        if (!dir)
          expect([...values].reverse()).toEqual(
            (await listGrievances(SYSTEM, { q: tag, sort, dir: "desc" })).items.map((i) => i[sort]),
          );
      }
    }
    const byTitle = (await listGrievances(SYSTEM, { q: tag, sort: "title" })).items.map((i) => i.title);
    expect(byTitle).toEqual([0, 1, 2, 3, 4].map((i) => `${tag} ${i}`));
    const created = (await listGrievances(SYSTEM, { q: tag, sort: "created" })).items.map((i) => i.title);
    expect(created).toEqual([4, 3, 2, 1, 0].map((i) => `${tag} ${i}`));
  });
});

describe("deleted grievances", () => {
  it("are hidden from everyone but admins, listed only under deleted=1, and come back on restore", async () => {
    const g = await makeGrievance({ title: "Withdrawn complaint" });
    const deleted = await deleteGrievance(SYSTEM, g.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.version).toBe(2);
    await expect(getGrievanceOrThrow(userActor("analyst"), g.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getGrievanceHistory(userActor("viewer"), g.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getGrievanceOrThrow(userActor("viewer"), g.id, { asOf: "2024-06-01" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getGrievanceOrThrow(userActor("admin"), g.id)).deletedAt).toBe(deleted.deletedAt);
    expect((await getGrievanceOrThrow(userActor("admin"), g.id, { asOf: "2024-06-01" })).id).toBe(g.id);
    expect(await getGrievanceHistory(userActor("admin"), g.id)).toHaveLength(1);
    const live = await listGrievances(SYSTEM, { q: "withdrawn" });
    expect(live.items).toEqual([]);
    expect(live.total).toBe(0);
    const bin = await listGrievances(userActor("admin"), { q: "withdrawn", deleted: "1" });
    expect(bin.items.map((i) => [i.id, i.deletedAt])).toEqual([[g.id, deleted.deletedAt]]);
    expect((await listGrievanceOptions(SYSTEM)).map((o) => o.id)).not.toContain(g.id);

    const restored = await restoreGrievance(SYSTEM, g.id);
    expect(restored).toMatchObject({ deletedAt: null, version: 3 });
    expect((await listGrievances(SYSTEM, { q: "withdrawn" })).items.map((i) => i.id)).toEqual([g.id]);
    expect((await listGrievanceOptions(SYSTEM)).map((o) => o.id)).toContain(g.id);
  });

  it("cannot be deleted by an analyst, and nothing changes", async () => {
    const g = await makeGrievance();
    await expect(deleteGrievance(userActor("analyst"), g.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getGrievanceOrThrow(SYSTEM, g.id)).toMatchObject({ deletedAt: null, version: 1 });
  });
});

describe("the picker's grievances", () => {
  it("are every live one by title, with status and version", async () => {
    const g = await makeGrievance({ title: "Zz last by title" });
    const options = await listGrievanceOptions(userActor("viewer"));
    const titles = options.map((o) => o.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(options.find((o) => o.id === g.id)).toEqual({
      id: g.id,
      title: "Zz last by title",
      status: "OPEN",
      version: 1,
    });
    await expect(listGrievanceOptions(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("a grievance as of a past day", () => {
  it("shows the status, last move, meeting and timeline dated by then, and is not found before its raising", async () => {
    const early = await makeMeeting({ date: "2025-02-01" });
    const late = await makeMeeting({ date: "2025-04-01" });
    const g = await makeGrievance({ raisedAt: "2025-01-10" });
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "IN_NEGOTIATION", reason: "Talks", meetingId: early.id });
    await updateGrievance(SYSTEM, g.id, { version: 2, status: "RESOLVED", reason: "Settled", meetingId: late.id });

    const then = await getGrievanceOrThrow(SYSTEM, g.id, { asOf: "2025-03-01" });
    expect(then).toMatchObject({ status: "IN_NEGOTIATION", lastMovedAt: "2025-02-01T00:00:00.000Z" });
    expect(then.lastMeeting?.id).toBe(early.id);
    expect(then.history.map((h) => h.to)).toEqual(["OPEN", "IN_NEGOTIATION"]);
    expect((await getGrievanceHistory(SYSTEM, g.id, { asOf: "2025-03-01" })).map((h) => h.reason)).toEqual([
      "Raised",
      "Talks",
    ]);
    const now = await getGrievanceOrThrow(SYSTEM, g.id);
    expect(now).toMatchObject({ status: "RESOLVED", lastMovedAt: "2025-04-01T00:00:00.000Z" });
    expect(now.lastMeeting?.id).toBe(late.id);
    expect(now.agenda.map((a) => a.meetingId)).toEqual([]);

    const listed = await listGrievances(SYSTEM, { asOf: "2025-03-01", meeting: early.id });
    expect(listed.items.map((i) => [i.id, i.status, i.lastMovedAt, i.lastMeeting?.id])).toEqual([
      [g.id, "IN_NEGOTIATION", "2025-02-01T00:00:00.000Z", early.id],
    ]);
    await expect(getGrievanceOrThrow(SYSTEM, g.id, { asOf: "2025-01-09" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance had not been raised by 2025-01-09",
    });
  });
});

describe("a grievance's detail", () => {
  it("answers every field, its agenda notes in the rounds' order and its timeline", async () => {
    const raiser = await makeParty({ name: "Detail raiser", slug: "detail-raiser" });
    const addressee = await makeParty({ name: "Detail addressee", slug: "detail-addressee" });
    const later = await makeMeeting({ title: "Later round", date: "2025-06-01" });
    const earlier = await makeMeeting({ title: "Earlier round", date: "2025-03-01" });
    const g = await makeGrievance({
      title: "Detail file",
      description: "All of it",
      category: "VISAS",
      raisedAt: "2025-01-05",
      raisedBy: [raiser.slug],
      addressedTo: [addressee.slug],
    });
    // A note alone at each round: on the agenda, no move.
    await logMeetingOutcome(SYSTEM, later.id, { outcomes: [{ grievanceId: g.id, note: "Raised again" }] });
    await logMeetingOutcome(SYSTEM, earlier.id, { outcomes: [{ grievanceId: g.id, note: "First mention" }] });
    const detail = await getGrievanceOrThrow(SYSTEM, g.id);
    expect(detail).toEqual({
      id: g.id,
      title: "Detail file",
      description: "All of it",
      category: "VISAS",
      status: "OPEN",
      version: 1,
      raisedBy: [{ slug: "detail-raiser", name: "Detail raiser", shortName: null }],
      addressedTo: [{ slug: "detail-addressee", name: "Detail addressee", shortName: null }],
      lastMovedAt: "2025-01-05T00:00:00.000Z",
      lastMeeting: null,
      createdAt: g.createdAt,
      updatedAt: expect.any(String),
      deletedAt: null,
      citations: [],
      agenda: [
        {
          meetingId: earlier.id,
          meeting: { id: earlier.id, title: "Earlier round", date: "2025-03-01T00:00:00.000Z", status: "HELD" },
          note: "First mention",
          statusAfter: null,
        },
        {
          meetingId: later.id,
          meeting: { id: later.id, title: "Later round", date: "2025-06-01T00:00:00.000Z", status: "HELD" },
          note: "Raised again",
          statusAfter: null,
        },
      ],
      history: [
        {
          id: expect.any(String),
          from: null,
          to: "OPEN",
          reason: "Raised",
          at: "2025-01-05T00:00:00.000Z",
          occurredAt: "2025-01-05T00:00:00.000Z",
          recordedAt: expect.any(String),
          meetingId: null,
          meeting: null,
          source: null,
          actor: null,
        },
      ],
    });
    // On a round's agenda without a move there, it is listed under that round.
    expect((await listGrievances(SYSTEM, { meeting: earlier.id })).items.map((i) => i.id)).toEqual([g.id]);
    // As of a day between the rounds, only the first note was dated by then.
    const then = await getGrievanceOrThrow(SYSTEM, g.id, { asOf: "2025-04-01" });
    expect(then.agenda.map((a) => a.note)).toEqual(["First mention"]);
    expect(then.lastMovedAt).toBe("2025-01-05T00:00:00.000Z");
  });

  it("names a round with no date yet as its last meeting, undated", async () => {
    const undated = await makeMeeting({ date: null, status: "PLANNED" });
    const g = await makeGrievance();
    const moved = await updateGrievance(SYSTEM, g.id, {
      version: 1,
      status: "STALLED",
      reason: "Parked",
      meetingId: undated.id,
      occurredAt: "2025-01-01",
    });
    expect(moved.lastMeeting).toEqual({ id: undated.id, title: undated.title, date: null, status: "PLANNED" });
    expect(moved.history.at(-1)?.meeting).toEqual(moved.lastMeeting);
    const listed = await listGrievances(SYSTEM, { meeting: undated.id });
    expect(listed.items.map((i) => i.lastMeeting)).toEqual([moved.lastMeeting]);
  });

  it("is not found under its own name, for an unknown id, live or as of a day", async () => {
    await expect(getGrievanceOrThrow(SYSTEM, "no-such-id")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance was not found",
    });
    await expect(getGrievanceOrThrow(SYSTEM, "no-such-id", { asOf: "2025-01-01" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Grievance was not found",
    });
    await expect(getGrievanceOrThrow(null, "no-such-id", { asOf: "2025-01-01" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(getGrievanceHistory(null, "no-such-id")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("refuses a move at a future round that gives no date of its own, saying so", async () => {
    const future = await makeMeeting({ date: "2999-01-01", status: "PLANNED" });
    const g = await makeGrievance();
    await expect(
      updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "Too soon", meetingId: future.id }),
    ).rejects.toMatchObject({
      issues: [{ path: "occurredAt", message: "The meeting's date is in the future: give the date it happened" }],
    });
    expect(await getGrievanceHistory(SYSTEM, g.id)).toHaveLength(1);
  });
});

describe("a grievance's revisions", () => {
  it("record its edited fields, the parties as sorted slugs", async () => {
    const [a, b, c] = [
      await makeParty({ slug: "rev-c" }),
      await makeParty({ slug: "rev-a" }),
      await makeParty({ slug: "rev-b" }),
    ];
    const g = await makeGrievance({ title: "Revised", raisedBy: [a.slug], addressedTo: [b.slug] });
    await updateGrievance(SYSTEM, g.id, { version: 1, title: "Revised twice", raisedBy: [a.slug, c.slug, b.slug] });
    const revisions = await listRevisions(SYSTEM, "grievance", g.id);
    expect(revisions.map((r) => [r.entity, r.action])).toEqual([
      ["grievance", "create"],
      ["grievance", "edit"],
    ]);
    expect(revisions[0]!.changes).toEqual([
      { field: "title", before: null, after: "Revised" },
      { field: "description", before: null, after: "" },
      { field: "category", before: null, after: "OTHER" },
      { field: "raisedBy", before: null, after: ["rev-c"] },
      { field: "addressedTo", before: null, after: ["rev-a"] },
    ]);
    expect(revisions[1]!.changes).toEqual([
      { field: "title", before: "Revised", after: "Revised twice" },
      { field: "raisedBy", before: ["rev-c"], after: ["rev-a", "rev-b", "rev-c"] },
    ]);
  });
});

describe("a past day's list", () => {
  it("pages by position with a cursor, every grievance raised by then once", async () => {
    const tag = "asofpagingtag";
    const ids: string[] = [];
    for (const day of ["2025-01-02", "2025-01-03", "2025-01-04"]) {
      ids.push((await makeGrievance({ title: `${tag} ${day}`, raisedAt: day })).id);
    }
    await makeGrievance({ title: `${tag} later`, raisedAt: "2025-03-01" });
    const first = await listGrievances(SYSTEM, { q: tag, asOf: "2025-02-01", limit: 2 });
    expect(first.total).toBe(3);
    const second = await listGrievances(SYSTEM, { q: tag, asOf: "2025-02-01", limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    const back = await listGrievances(SYSTEM, { q: tag, asOf: "2025-02-01", limit: 2, cursor: second.prevCursor });
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });
});

describe("a grievance's summary", () => {
  it("lists its parties by name, and names the round of its latest move by date that had one", async () => {
    const zed = await makeParty({ name: "Zed republic" });
    const alpha = await makeParty({ name: "Alpha kingdom" });
    const april = await makeMeeting({ date: "2025-04-01" });
    const february = await makeMeeting({ date: "2025-02-01" });
    const g = await makeGrievance({ raisedBy: [zed.slug, alpha.slug], raisedAt: "2025-01-01" });
    expect(g.raisedBy.map((p) => p.name)).toEqual(["Alpha kingdom", "Zed republic"]);
    await updateGrievance(SYSTEM, g.id, { version: 1, status: "STALLED", reason: "a", meetingId: april.id });
    // The February round logged late, then a move with no round at all.
    await updateGrievance(SYSTEM, g.id, { version: 2, status: "IN_NEGOTIATION", reason: "b", meetingId: february.id });
    await updateGrievance(SYSTEM, g.id, { version: 3, status: "RESOLVED", reason: "c", occurredAt: "2025-05-01" });
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).lastMeeting?.id).toBe(april.id);
    expect((await getGrievanceOrThrow(SYSTEM, g.id, { asOf: "2025-05-02" })).lastMeeting?.id).toBe(april.id);
    expect((await getGrievanceOrThrow(SYSTEM, g.id, { asOf: "2025-03-01" })).lastMeeting?.id).toBe(february.id);
  });

  it("lists deleted ones only under deleted=1, never a live one", async () => {
    const live = await makeGrievance({ title: "binlisttag live" });
    const gone = await makeGrievance({ title: "binlisttag gone" });
    await deleteGrievance(SYSTEM, gone.id);
    const bin = await listGrievances(SYSTEM, { q: "binlisttag", deleted: "1" });
    expect(bin.items.map((i) => i.id)).toEqual([gone.id]);
    expect((await listGrievances(SYSTEM, { q: "binlisttag" })).items.map((i) => i.id)).toEqual([live.id]);
  });

  it("lists agenda notes by their round's date, whatever date a note itself carries", async () => {
    const june = await makeMeeting({ date: "2025-06-01" });
    const march = await makeMeeting({ date: "2025-03-01" });
    const g = await makeGrievance({ raisedAt: "2025-01-01" });
    await logMeetingOutcome(SYSTEM, june.id, {
      outcomes: [{ grievanceId: g.id, note: "Typed against June, dated February", occurredAt: "2025-02-01" }],
    });
    await logMeetingOutcome(SYSTEM, march.id, { outcomes: [{ grievanceId: g.id, note: "March" }] });
    expect((await getGrievanceOrThrow(SYSTEM, g.id)).agenda.map((a) => a.meetingId)).toEqual([march.id, june.id]);
  });
});

describe("refusing a grievance at creation", () => {
  it("names the raisedBy entry that is no party, and the raisedAt a future round would give", async () => {
    const party = await makeParty();
    await expect(
      createGrievance(SYSTEM, { title: "x", category: "OTHER", raisedBy: ["nowhere"], addressedTo: [party.slug] }),
    ).rejects.toMatchObject({ issues: [{ path: "raisedBy.0", message: 'Unknown party "nowhere"' }] });
    const future = await makeMeeting({ date: "2999-01-01", status: "PLANNED" });
    await expect(
      createGrievance(SYSTEM, {
        title: "x",
        category: "OTHER",
        raisedBy: [party.slug],
        addressedTo: [party.slug],
        meetingId: future.id,
      }),
    ).rejects.toMatchObject({ issues: [{ path: "raisedAt" }] });
  });
});

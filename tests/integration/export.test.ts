import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GRIEVANCE_CSV_COLUMNS, grievanceCsvCells } from "@/lib/csv/grievance-columns";
import { downloadResponse, type Export } from "@/lib/export/download";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import {
  exportGrievanceHistory,
  exportGrievances,
  exportMeetings,
  exportPaged,
  exportParties,
  exportVenues,
  pagedRows,
} from "@/lib/server/export";
import { deleteGrievance, getGrievanceHistory, listGrievances, updateGrievance } from "@/lib/server/grievances";
import { deleteMeeting, listMeetings, logMeetingOutcome } from "@/lib/server/meetings";
import { deleteParty, listParties } from "@/lib/server/parties";
import { deleteVenue, listVenues } from "@/lib/server/venues";
import { makeGrievance, makeMeeting, makeParty, makeVenue, userActor } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";

// The exports of lib/server/export.ts, called directly: each is the whole of what its list shows
// under the same filters (every page, in the list's order, with the list's permissions and
// deleted rule), its file named by the list and the day, its columns in a fixed order and each
// row's cells the list item's values ("" for what the item lacks).

type User = Extract<Actor, { kind: "user" }>;

/** A signed-in user with a row behind it (a recorded move names who recorded it). */
async function user(name: string, role: User["role"]): Promise<User> {
  const db = await getDb();
  const email = `${name}@example.org`;
  const row = await db.user.upsert({ where: { email }, create: { id: `${name}-id`, name, email, role }, update: {} });
  return { kind: "user", id: row.id, name, email, role, via: "token" };
}

async function collect<T>(rows: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** The export's rows as the CSV would write them: each row's cells, keyed by the columns. */
async function records<T>(exported: Export<T>): Promise<Array<Record<string, string>>> {
  const rows = await collect(exported.rows);
  return rows.map((row) => {
    const cells = exported.cells(row);
    expect(cells).toHaveLength(exported.columns.length);
    return Object.fromEntries(exported.columns.map((column, i) => [column, cells[i]!]));
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/** Every item of a paged list, read as a client pages it. */
async function everyPage<T>(
  list: (actor: Actor | null, query: Record<string, unknown>) => Promise<{ items: T[]; nextCursor: string | null }>,
  actor: Actor | null,
  query: Record<string, unknown>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(actor, { ...query, limit: 3, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

let raiser: string;
let addressee: string;
let deletedId: string;

beforeAll(async () => {
  raiser = (await makeParty({ name: "Raiser, the", shortName: "RSR", kind: "STATE" })).slug;
  addressee = (await makeParty({ name: "Addressee" })).slug;
  for (let i = 0; i < 7; i++) {
    await makeGrievance({
      title: `Export ${String(i).padStart(2, "0")}`,
      category: i % 2 ? "VISAS" : "BANKING",
      raisedBy: [raiser],
      addressedTo: [addressee],
    });
  }
  await makeGrievance({ title: "Raised elsewhere", category: "VISAS", raisedBy: [addressee], addressedTo: [raiser] });
  const gone = await makeGrievance({ title: "Deleted one", category: "VISAS", raisedBy: [raiser] });
  deletedId = gone.id;
  await deleteGrievance(SYSTEM, gone.id);
});

describe("pagedRows", () => {
  it("reads the first page at once and each next page only when the rows before it are taken", async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null; total: number }> = {
      first: { items: [1, 2], nextCursor: "b", total: 5 },
      b: { items: [3, 4], nextCursor: "c", total: 5 },
      c: { items: [5], nextCursor: null, total: 5 },
    };
    const asked: Array<string | undefined> = [];
    const { total, rows } = await pagedRows(async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? "first"]!;
    });
    expect(total).toBe(5);
    expect(asked).toEqual([undefined]);
    const iterator = rows[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    expect(asked).toEqual([undefined]);
    expect(await iterator.next()).toEqual({ value: 3, done: false });
    expect(asked).toEqual([undefined, "b"]);
    expect(await collect({ [Symbol.asyncIterator]: () => iterator })).toEqual([4, 5]);
    expect(asked).toEqual([undefined, "b", "c"]);
  });

  it("stops after a page without a next cursor, even an empty one", async () => {
    let reads = 0;
    const { total, rows } = await pagedRows(async () => {
      reads++;
      return { items: [], nextCursor: null, total: 0 };
    });
    expect(total).toBe(0);
    expect(await collect(rows)).toEqual([]);
    expect(reads).toBe(1);
  });

  it("throws what the first page throws, before any row is asked for", async () => {
    await expect(pagedRows(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
  });
});

describe("exportPaged", () => {
  it("passes the query on with its own page size and cursor, replacing the query's", async () => {
    const seen: Array<Record<string, unknown>> = [];
    const list = async (_actor: Actor | null, query: Record<string, unknown>) => {
      seen.push(query);
      return { items: [query.cursor ?? "first"], nextCursor: query.cursor ? null : "next", total: 2 };
    };
    const { total, rows } = await exportPaged(list, SYSTEM, { party: "x", limit: 2, cursor: "stale" }, { pageSize: 7 });
    expect(total).toBe(2);
    expect(await collect(rows)).toEqual(["first", "next"]);
    expect(seen).toEqual([
      { party: "x", limit: 7, cursor: undefined },
      { party: "x", limit: 7, cursor: "next" },
    ]);
  });

  it("reads pages of the most a list serves at once by default", async () => {
    const seen: Array<Record<string, unknown>> = [];
    const list = async (_actor: Actor | null, query: Record<string, unknown>) => {
      seen.push(query);
      return { items: [], nextCursor: null, total: 0 };
    };
    await exportPaged(list, SYSTEM, {});
    expect(seen).toEqual([{ limit: 100, cursor: undefined }]);
  });

  it("hands the list the actor it was given", async () => {
    const actors: Array<Actor | null> = [];
    const analyst = userActor("analyst");
    await exportPaged(
      async (actor) => {
        actors.push(actor);
        return { items: [], nextCursor: null, total: 0 };
      },
      analyst,
      {},
    );
    expect(actors).toEqual([analyst]);
  });
});

describe("exportGrievances", () => {
  it("is every row the filtered list shows, across pages, in its order, in the import's columns", async () => {
    const query = { party: raiser, role: "raised", category: "VISAS,BANKING", sort: "title", dir: "desc" };
    const shown = await everyPage(listGrievances, SYSTEM, query);
    expect(shown.map((item) => item.title)).toEqual([
      "Export 06",
      "Export 05",
      "Export 04",
      "Export 03",
      "Export 02",
      "Export 01",
      "Export 00",
    ]);
    const exported = await exportGrievances(SYSTEM, { ...query, limit: 2, cursor: "junk" }, { pageSize: 3 });
    expect(exported.name).toBe(`grievances-${today()}`);
    expect(exported.total).toBe(7);
    expect(exported.columns).toEqual(GRIEVANCE_CSV_COLUMNS);
    const rows = await collect(exported.rows);
    expect(rows).toEqual(shown);
    expect(rows.map((row) => exported.cells(row))).toEqual(shown.map(grievanceCsvCells));
  });

  it("reads whole with the default page size", async () => {
    const query = { party: raiser, category: "VISAS" };
    const exported = await exportGrievances(SYSTEM, query);
    expect(await collect(exported.rows)).toEqual((await listGrievances(SYSTEM, query)).items);
    expect(exported.total).toBe(4);
  });

  it("has the list's permissions: a viewer reads it, nobody signed out does, deleted rows for admins only", async () => {
    const viewer = await exportGrievances(userActor("viewer"), { party: raiser });
    expect(viewer.total).toBe(8);
    await expectNothingChanged(async () => {
      await expect(exportGrievances(null, { party: raiser })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(exportGrievances(userActor("analyst"), { deleted: "1" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(exportGrievances(SYSTEM, { status: "NOPE" })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
      });
    });
    const live = await collect((await exportGrievances(SYSTEM, { party: raiser })).rows);
    expect(live.map((row) => row.id)).not.toContain(deletedId);
    const deleted = await exportGrievances(userActor("admin"), { party: raiser, deleted: "1" });
    expect(deleted.total).toBe(1);
    expect((await collect(deleted.rows)).map((row) => row.id)).toEqual([deletedId]);
  });

  it("downloads as CSV with the columns as header and the cells escaped", async () => {
    const party = (await makeParty({ name: "Escapes" })).slug;
    await makeGrievance({ title: '=SUM(1), "quoted"', description: "two\nlines", raisedBy: [party] });
    const exported = await exportGrievances(SYSTEM, { party });
    const text = await downloadResponse(exported, "csv").text();
    const [record] = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(record!)).toEqual([...GRIEVANCE_CSV_COLUMNS]);
    expect(record!.title).toBe(`'=SUM(1), "quoted"`);
    expect(record!.description).toBe("two\nlines");
  });
});

describe("exportMeetings", () => {
  let venue: string;
  let second: string;
  let deletedMeeting: string;

  beforeAll(async () => {
    venue = (await makeVenue({ name: "Hall" })).slug;
    second = (await makeParty({ name: "Second" })).slug;
    const full = await makeMeeting({
      title: "Full round",
      date: "2025-03-01",
      status: "HELD",
      venue,
      summary: "Talked, at length",
      participants: [
        { party: raiser, role: "DELEGATION" },
        { party: second, role: "HOST" },
      ],
    });
    const grievance = await makeGrievance({ raisedBy: [raiser] });
    await logMeetingOutcome(SYSTEM, full.id, { outcomes: [{ grievanceId: grievance.id, note: "Discussed" }] });
    await makeMeeting({ title: "Bare round", date: undefined, status: "PLANNED", participants: [] });
    for (let i = 0; i < 3; i++) await makeMeeting({ title: `Venue round ${i}`, venue, date: `2025-0${i + 4}-01` });
    const doomed = await makeMeeting({ title: "Deleted round", venue });
    deletedMeeting = doomed.id;
    await deleteMeeting(SYSTEM, doomed.id);
  });

  it("is the filtered list across pages, in its order, a row's cells its values", async () => {
    const shown = await everyPage(listMeetings, SYSTEM, { venue });
    expect(shown).toHaveLength(4);
    const exported = await exportMeetings(SYSTEM, { venue, limit: 1 }, { pageSize: 2 });
    expect(exported.name).toBe(`meetings-${today()}`);
    expect(exported.total).toBe(4);
    expect(exported.columns).toEqual([
      "id",
      "title",
      "date",
      "status",
      "venue",
      "participants",
      "agendaCount",
      "summary",
    ]);
    const rows = await collect(exported.rows);
    expect(rows).toEqual(shown);
    const full = shown.find((meeting) => meeting.title === "Full round")!;
    expect(exported.cells(full)).toEqual([
      full.id,
      "Full round",
      full.date,
      "HELD",
      venue,
      `${raiser};${second}`,
      "1",
      "Talked, at length",
    ]);
    expect(full.date).toMatch(/^2025-03-01/);
  });

  it("writes a meeting without a date, venue or participants as empty cells", async () => {
    const all = await records(await exportMeetings(SYSTEM, {}));
    expect(all.find((row) => row.title === "Bare round")).toMatchObject({
      date: "",
      status: "PLANNED",
      venue: "",
      participants: "",
      agendaCount: "0",
      summary: "",
    });
    expect(all.map((row) => row.id)).not.toContain(deletedMeeting);
  });

  it("has the list's permissions", async () => {
    await expectNothingChanged(async () => {
      await expect(exportMeetings(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(exportMeetings(userActor("viewer"), { deleted: "1" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });
    const deleted = await collect((await exportMeetings(SYSTEM, { deleted: "1" })).rows);
    expect(deleted.map((meeting) => meeting.id)).toEqual([deletedMeeting]);
  });
});

describe("exportParties and exportVenues", () => {
  it("parties: the whole list, in its order, a row's cells its values", async () => {
    const gone = await makeParty({ name: "Gone party" });
    await deleteParty(SYSTEM, gone.slug);
    const shown = await listParties(SYSTEM, {});
    const exported = await exportParties(SYSTEM, {});
    expect(exported.name).toBe(`parties-${today()}`);
    expect(exported.total).toBe(shown.length);
    expect(exported.columns).toEqual([
      "slug",
      "name",
      "shortName",
      "kind",
      "raisedCount",
      "addressedCount",
      "meetingCount",
    ]);
    expect(await collect(exported.rows)).toEqual(shown);
    const all = await records(exported);
    expect(all.map((row) => row.slug)).not.toContain(gone.slug);
    const party = shown.find((p) => p.slug === raiser)!;
    expect(all.find((row) => row.slug === raiser)).toEqual({
      slug: raiser,
      name: "Raiser, the",
      shortName: "RSR",
      kind: "STATE",
      raisedCount: String(party.raisedCount),
      addressedCount: String(party.addressedCount),
      meetingCount: String(party.meetingCount),
    });
    expect(party.raisedCount).toBeGreaterThan(party.addressedCount);
    expect(party.addressedCount).toBeGreaterThan(0);
    expect(party.meetingCount).toBeGreaterThan(0);
    expect(all.find((row) => row.slug === addressee)!.shortName).toBe("");
    const deleted = await records(await exportParties(SYSTEM, { deleted: "1" }));
    expect(deleted.map((row) => row.slug)).toEqual([gone.slug]);
    await expectNothingChanged(async () => {
      await expect(exportParties(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(exportParties(userActor("analyst"), { deleted: "1" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });
  });

  it("venues: the whole list, in its order, a row's cells its values", async () => {
    const noted = await makeVenue({ name: "Noted", city: "Aarhus", country: "Denmark", note: "Back entrance" });
    const plain = await makeVenue({ name: "Plain", city: "Zug", country: "Switzerland" });
    await makeMeeting({ venue: noted.slug });
    await makeMeeting({ venue: noted.slug });
    const gone = await makeVenue({ name: "Gone venue" });
    await deleteVenue(SYSTEM, gone.slug);
    const shown = await listVenues(SYSTEM, {});
    const exported = await exportVenues(SYSTEM, {});
    expect(exported.name).toBe(`venues-${today()}`);
    expect(exported.total).toBe(shown.length);
    expect(exported.columns).toEqual(["slug", "name", "city", "country", "note", "meetingCount"]);
    expect(await collect(exported.rows)).toEqual(shown);
    const all = await records(exported);
    expect(all[0]).toEqual({
      slug: noted.slug,
      name: "Noted",
      city: "Aarhus",
      country: "Denmark",
      note: "Back entrance",
      meetingCount: "2",
    });
    expect(all.find((row) => row.slug === plain.slug)).toMatchObject({ note: "", meetingCount: "0" });
    expect(all.map((row) => row.slug)).not.toContain(gone.slug);
    const deleted = await records(await exportVenues(SYSTEM, { deleted: "1" }));
    expect(deleted.map((row) => row.slug)).toEqual([gone.slug]);
    await expectNothingChanged(async () => {
      await expect(exportVenues(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(exportVenues(userActor("viewer"), { deleted: "1" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    });
  });
});

describe("exportGrievanceHistory", () => {
  it("is the grievance's timeline, oldest first, each move's cells its values", async () => {
    const ana = await user("ana", "analyst");
    const meeting = await makeMeeting({ title: "The round", date: "2025-06-01" });
    let grievance = await makeGrievance({ title: "Moving one", raisedBy: [raiser] });
    grievance = await updateGrievance(ana, grievance.id, {
      version: grievance.version,
      status: "IN_NEGOTIATION",
      reason: "Talks began",
      meetingId: meeting.id,
      sourceUrl: "https://example.org/report",
    });
    grievance = await updateGrievance(
      SYSTEM,
      grievance.id,
      { version: grievance.version, status: "STALLED", reason: "Quiet", occurredAt: "2025-07-01" },
      { sourceTitle: "A letter" },
    );
    const timeline = await getGrievanceHistory(SYSTEM, grievance.id, {});
    const exported = await exportGrievanceHistory(SYSTEM, grievance.id, {});
    expect(exported.name).toBe(`grievance-${grievance.id}-history`);
    expect(exported.total).toBe(3);
    expect(exported.columns).toEqual([
      "id",
      "occurredAt",
      "from",
      "to",
      "reason",
      "meetingId",
      "meeting",
      "source",
      "recordedBy",
      "recordedAt",
    ]);
    expect(await collect(exported.rows)).toEqual(timeline);
    const [opened, talks, quiet] = await records(exported);
    expect(opened).toMatchObject({ id: timeline[0]!.id, from: "", to: "OPEN", meetingId: "", meeting: "", source: "" });
    expect(opened!.recordedBy).toBe("");
    expect(talks).toEqual({
      id: timeline[1]!.id,
      occurredAt: timeline[1]!.occurredAt,
      from: "OPEN",
      to: "IN_NEGOTIATION",
      reason: "Talks began",
      meetingId: meeting.id,
      meeting: "The round",
      source: "https://example.org/report",
      recordedBy: "ana",
      recordedAt: timeline[1]!.recordedAt,
    });
    expect(talks!.occurredAt).toMatch(/^2025-06-01/);
    expect(quiet).toMatchObject({ from: "IN_NEGOTIATION", to: "STALLED", source: "A letter", recordedBy: "" });
  });

  it("has the history's permissions and as-of filter", async () => {
    const grievance = await makeGrievance({ raisedBy: [raiser] });
    await expectNothingChanged(async () => {
      await expect(exportGrievanceHistory(null, grievance.id, {})).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
      await expect(exportGrievanceHistory(SYSTEM, "nope", {})).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(exportGrievanceHistory(userActor("analyst"), deletedId, {})).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(exportGrievanceHistory(SYSTEM, grievance.id, { asOf: "yesterday" })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
      });
    });
    const before = await exportGrievanceHistory(SYSTEM, grievance.id, { asOf: "2023-01-01" });
    expect(before.total).toBe(0);
    expect(await collect(before.rows)).toEqual([]);
  });
});

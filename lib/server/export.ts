import "server-only";
import type { Export } from "@/lib/export/download";
import { GRIEVANCE_CSV_COLUMNS, grievanceCsvCells } from "@/lib/csv/grievance-columns";
import { LIMITS } from "@/lib/schemas/common";
import type { GrievanceSummary, HistoryEntry } from "@/lib/schemas/grievance";
import type { MeetingSummary } from "@/lib/schemas/meeting";
import type { PartySummary } from "@/lib/schemas/party";
import type { VenueSummary } from "@/lib/schemas/venue";
import type { Actor } from "./authz";
import { getGrievanceHistory, listGrievances } from "./grievances";
import { listMeetings } from "./meetings";
import { listParties } from "./parties";
import { listVenues } from "./venues";

// Exports: the whole of what a list shows under its filters, read through the list's own function
// (so the same permission, the same where-clause, the same order and the same deleted rule hold),
// page after page with the cursor that function gives, never more than one page in memory. The
// first page is read before anything is sent, so a bad filter or a refused role is still a 400 or
// 403 with the error body; every later page is read only as the client takes the bytes.

type Page<T> = { items: T[]; nextCursor: string | null; total: number };
type Query = Record<string, unknown>;

export type ExportOptions = { pageSize?: number };

/**
 * Every row of a paged list, page by page: the first page read now (it throws what the list
 * throws), each next one when the rows before it have been taken.
 */
export async function pagedRows<T>(
  readPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<{ total: number; rows: AsyncIterable<T> }> {
  const first = await readPage(undefined);
  async function* rows(): AsyncGenerator<T> {
    let page = first;
    for (;;) {
      yield* page.items;
      if (!page.nextCursor) return;
      page = await readPage(page.nextCursor);
    }
  }
  return { total: first.total, rows: rows() };
}

const today = () => new Date().toISOString().slice(0, 10);

const slugs = (parties: ReadonlyArray<{ slug: string }>) => parties.map((party) => party.slug).join(";");

type ListPage<T> = (actor: Actor | null, query: Query) => Promise<Page<T>>;

/** A paged list function, read whole in pages of `pageSize` (the most a list serves at once by default). */
export async function exportPaged<T>(
  list: ListPage<T>,
  actor: Actor | null,
  query: Query,
  { pageSize = LIMITS.pageSizeMax }: ExportOptions = {},
): Promise<{ total: number; rows: AsyncIterable<T> }> {
  // The export is the whole filtered list: a page's cursor and size in the query are replaced by its own.
  return pagedRows((cursor) => list(actor, { ...query, limit: pageSize, cursor }));
}

/** The grievances a list shows (a party's, a meeting's, a search, as of a day), in the file the import reads back. */
export async function exportGrievances(
  actor: Actor | null,
  query: Query,
  options?: ExportOptions,
): Promise<Export<GrievanceSummary>> {
  const { total, rows } = await exportPaged(listGrievances, actor, query, options);
  return { name: `grievances-${today()}`, total, rows, columns: GRIEVANCE_CSV_COLUMNS, cells: grievanceCsvCells };
}

const MEETING_COLUMNS = ["id", "title", "date", "status", "venue", "participants", "agendaCount", "summary"] as const;

export async function exportMeetings(
  actor: Actor | null,
  query: Query,
  options?: ExportOptions,
): Promise<Export<MeetingSummary>> {
  const { total, rows } = await exportPaged(listMeetings, actor, query, options);
  return {
    name: `meetings-${today()}`,
    total,
    rows,
    columns: MEETING_COLUMNS,
    cells: (meeting) => [
      meeting.id,
      meeting.title,
      meeting.date ?? "",
      meeting.status,
      meeting.venue?.slug ?? "",
      slugs(meeting.participants.map((participant) => participant.party)),
      String(meeting.agendaCount),
      meeting.summary,
    ],
  };
}

// Parties and venues are lists of the channel's reference records (tens, not thousands), which
// their list functions read whole; the export writes that list.

const PARTY_COLUMNS = ["slug", "name", "shortName", "kind", "raisedCount", "addressedCount", "meetingCount"] as const;

export async function exportParties(actor: Actor | null, query: Query): Promise<Export<PartySummary>> {
  const parties = await listParties(actor, query);
  return {
    name: `parties-${today()}`,
    total: parties.length,
    rows: parties,
    columns: PARTY_COLUMNS,
    cells: (party) => [
      party.slug,
      party.name,
      party.shortName ?? "",
      party.kind,
      String(party.raisedCount),
      String(party.addressedCount),
      String(party.meetingCount),
    ],
  };
}

const VENUE_COLUMNS = ["slug", "name", "city", "country", "note", "meetingCount"] as const;

export async function exportVenues(actor: Actor | null, query: Query): Promise<Export<VenueSummary>> {
  const venues = await listVenues(actor, query);
  return {
    name: `venues-${today()}`,
    total: venues.length,
    rows: venues,
    columns: VENUE_COLUMNS,
    cells: (venue) => [venue.slug, venue.name, venue.city, venue.country, venue.note ?? "", String(venue.meetingCount)],
  };
}

const HISTORY_COLUMNS = [
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
] as const;

/** One grievance's timeline, oldest first (a grievance has tens of moves: read whole, as its route does). */
export async function exportGrievanceHistory(
  actor: Actor | null,
  id: string,
  query: Query,
): Promise<Export<HistoryEntry>> {
  const history = await getGrievanceHistory(actor, id, query);
  return {
    name: `grievance-${id}-history`,
    total: history.length,
    rows: history,
    columns: HISTORY_COLUMNS,
    cells: (entry) => [
      entry.id,
      entry.occurredAt,
      entry.from ?? "",
      entry.to,
      entry.reason,
      entry.meetingId ?? "",
      entry.meeting?.title ?? "",
      entry.source?.url ?? entry.source?.title ?? "",
      entry.actor?.name ?? "",
      entry.recordedAt,
    ],
  };
}

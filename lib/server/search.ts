import "server-only";
import { parseOrThrow } from "@/lib/errors";
import { GRIEVANCE_STATUS_LABELS, MEETING_STATUS_LABELS, PARTY_KIND_LABELS } from "@/lib/schemas/enums";
import {
  SEARCH_KINDS,
  SEARCH_LIMIT_DEFAULT,
  SearchQuerySchema,
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SearchResult,
} from "@/lib/schemas/search";
import { excerpt, searchTerms, termsFound } from "@/lib/search-highlight";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { grievanceWhere } from "./grievances";

// Search everywhere (issue 11, ADR 004's folded columns): every kind of record an analyst names
// is found by its own searchText, each query word contained (LIKE over folded text, the same on
// both databases). Besides its own text, a grievance or a meeting is found by the words of one of
// its quotes, a meeting by its venue's name, city and country (per word, so "istanbul round"
// finds a round titled "… round" held in Istanbul), and a source by its quotes. Deleted records,
// and quotes that are deleted or back a deleted record, are out of sight: only an admin asking
// for the deleted view sees deleted records (and then only those).

type Where = { contains: string };
const has = (term: string): { searchText: Where } => ({ searchText: { contains: term } });

/** A quote anyone may read: not deleted, and backing a live grievance or meeting. */
const READABLE_QUOTE = {
  deletedAt: null,
  OR: [{ grievance: { deletedAt: null } }, { meeting: { deletedAt: null } }],
} satisfies Prisma.CitationWhereInput;

type Snippet = SearchHit["snippet"];

/** The candidate text where most of the words are (the first, on a tie), cut around them. */
function bestSnippet(candidates: Array<[field: string, text: string | null | undefined]>, terms: string[]): Snippet {
  let best: { field: string; text: string; found: number } | null = null;
  for (const [field, text] of candidates) {
    if (!text) continue;
    const found = termsFound(text, terms);
    if (found > 0 && (!best || found > best.found)) best = { field, text, found };
  }
  return best && { field: best.field, text: excerpt(best.text, terms) };
}

const isoDay = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(" · ") || null;

type Ctx = { db: Tx; q: string; terms: string[]; deleted: boolean; take: number };

/** What one kind contributes: how many match, and the first `take` as hits. */
type KindSearch = (ctx: Ctx) => Promise<[count: number, hits: SearchHit[]]>;

const liveness = (deleted: boolean) => (deleted ? { deletedAt: { not: null } } : { deletedAt: null });
const quoteScope = (deleted: boolean): Prisma.CitationWhereInput => (deleted ? {} : { deletedAt: null });

const searchGrievances: KindSearch = async ({ db, q, terms, deleted, take }) => {
  // The grievance list's own search (title, description, history reasons), so that both find the
  // same grievances by their text; its quotes are searched here besides.
  const where: Prisma.GrievanceWhereInput = {
    OR: [
      grievanceWhere({ q, ...(deleted ? { deleted: "1" } : {}) }),
      { ...liveness(deleted), citations: { some: { ...quoteScope(deleted), AND: terms.map(has) } } },
    ],
  };
  const [count, rows] = await Promise.all([
    db.grievance.count({ where }),
    db.grievance.findMany({
      where,
      take,
      orderBy: [{ lastMovedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        description: true,
        status: true,
        deletedAt: true,
        history: { select: { reason: true }, orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }] },
        citations: { where: quoteScope(deleted), select: { quote: true }, orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  const hits = rows.map((row) => ({
    kind: "grievances" as const,
    key: row.id,
    title: row.title,
    href: `/grievances/${row.id}`,
    detail: GRIEVANCE_STATUS_LABELS[row.status],
    snippet: bestSnippet(
      [
        ["Description", row.description],
        ...row.citations.map((c): [string, string] => ["Quote", c.quote]),
        ...row.history.map((h): [string, string] => ["History", h.reason]),
      ],
      terms,
    ),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }));
  return [count, hits];
};

const searchMeetings: KindSearch = async ({ db, terms, deleted, take }) => {
  const where: Prisma.MeetingWhereInput = {
    ...liveness(deleted),
    AND: terms.map((term) => ({
      OR: [has(term), { venue: has(term) }, { citations: { some: { ...quoteScope(deleted), ...has(term) } } }],
    })),
  };
  const [count, rows] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({
      where,
      take,
      orderBy: [{ date: "desc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        date: true,
        status: true,
        summary: true,
        deletedAt: true,
        venue: { select: { name: true, city: true, country: true } },
        citations: { where: quoteScope(deleted), select: { quote: true }, orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  const hits = rows.map((row) => {
    const venue = row.venue && `${row.venue.name}, ${row.venue.city}, ${row.venue.country}`;
    return {
      kind: "meetings" as const,
      key: row.id,
      title: row.title,
      href: `/meetings/${row.id}`,
      detail: joined(isoDay(row.date), MEETING_STATUS_LABELS[row.status], row.venue?.city),
      snippet: bestSnippet(
        [["Summary", row.summary], ["Venue", venue], ...row.citations.map((c): [string, string] => ["Quote", c.quote])],
        terms,
      ),
      deletedAt: row.deletedAt?.toISOString() ?? null,
    };
  });
  return [count, hits];
};

const searchParties: KindSearch = async ({ db, terms, deleted, take }) => {
  const where: Prisma.PartyWhereInput = { ...liveness(deleted), AND: terms.map(has) };
  const [count, rows] = await Promise.all([
    db.party.count({ where }),
    db.party.findMany({
      where,
      take,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { slug: true, name: true, shortName: true, kind: true, deletedAt: true },
    }),
  ]);
  const hits = rows.map((row) => ({
    kind: "parties" as const,
    key: row.slug,
    title: row.name,
    href: `/parties/${row.slug}`,
    detail: joined(row.shortName, PARTY_KIND_LABELS[row.kind]),
    snippet: null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }));
  return [count, hits];
};

const searchVenues: KindSearch = async ({ db, terms, deleted, take }) => {
  const where: Prisma.VenueWhereInput = { ...liveness(deleted), AND: terms.map(has) };
  const [count, rows] = await Promise.all([
    db.venue.count({ where }),
    db.venue.findMany({
      where,
      take,
      orderBy: [{ city: "asc" }, { name: "asc" }, { id: "asc" }],
      select: { slug: true, name: true, city: true, country: true, note: true, deletedAt: true },
    }),
  ]);
  const hits = rows.map((row) => ({
    kind: "venues" as const,
    key: row.slug,
    title: row.name,
    href: `/venues/${row.slug}`,
    detail: `${row.city}, ${row.country}`,
    snippet: bestSnippet([["Note", row.note]], terms),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }));
  return [count, hits];
};

const searchSources: KindSearch = async ({ db, terms, deleted, take }) => {
  const quotes = deleted ? {} : READABLE_QUOTE;
  const where: Prisma.SourceWhereInput = {
    ...liveness(deleted),
    AND: terms.map((term) => ({ OR: [has(term), { citations: { some: { AND: [quotes, has(term)] } } }] })),
  };
  const [count, rows] = await Promise.all([
    db.source.count({ where }),
    db.source.findMany({
      where,
      take,
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        publisher: true,
        url: true,
        note: true,
        deletedAt: true,
        citations: { where: quotes, select: { quote: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    }),
  ]);
  const hits = rows.map((row) => ({
    kind: "sources" as const,
    key: row.id,
    title: row.title,
    href: `/sources/${row.id}`,
    detail: joined(row.publisher, row.url),
    snippet: bestSnippet(
      [["Note", row.note], ...row.citations.map((c): [string, string] => ["Quote", c.quote])],
      terms,
    ),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }));
  return [count, hits];
};

const SEARCHES: Record<SearchKind, KindSearch> = {
  grievances: searchGrievances,
  meetings: searchMeetings,
  parties: searchParties,
  venues: searchVenues,
  sources: searchSources,
};

/**
 * Searches every kind of record (viewers and up); `input` is raw query values (`q`, and `kind`,
 * `limit` per kind, `deleted` for admins). Each group counts every match and lists the first few.
 */
export async function searchEverything(actor: Actor | null, input: unknown): Promise<SearchResult> {
  authorize(actor, "read");
  const query = parseOrThrow(SearchQuerySchema, input);
  if (query.deleted) authorize(actor, "admin");
  const terms = searchTerms(query.q);
  const db = await getDb();
  const ctx: Ctx = {
    db,
    q: query.q,
    terms,
    deleted: Boolean(query.deleted),
    take: query.limit ?? SEARCH_LIMIT_DEFAULT,
  };
  const kinds = query.kind ? [query.kind] : SEARCH_KINDS;
  const groups: SearchGroup[] = [];
  // One kind after another: SQLite answers one query at a time anyway, and on PostgreSQL this
  // keeps a search to one pooled connection.
  for (const kind of kinds) {
    const [count, items] = await SEARCHES[kind](ctx);
    groups.push({ kind, count, items });
  }
  return { q: query.q, terms, total: groups.reduce((sum, group) => sum + group.count, 0), groups };
}

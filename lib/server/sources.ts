import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Citation, CitedSource, SourceRef } from "@/lib/schemas/source";
import type { Actor } from "./authz";
import type { Tx } from "./db";
import { recordCreated, type RevisionSpec } from "./revisions";
import { quoteSearchText, sourceSearchText } from "./search-text";

export const sourceSelect = {
  title: true,
  publisher: true,
  url: true,
  publishedAt: true,
  note: true,
} as const;

type SourceRow = {
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: Date | null;
  note: string | null;
};

export function toSourceRef(source: SourceRow): SourceRef {
  const { title, publisher, url, publishedAt, note } = source;
  return { title, publisher, url, publishedAt: publishedAt?.toISOString() ?? null, note };
}

/** A source with its id, for the records that link to its page. */
export const citedSourceSelect = { id: true, ...sourceSelect } as const;

export function toCitedSource(source: SourceRow & { id: string }): CitedSource {
  return { id: source.id, ...toSourceRef(source) };
}

/**
 * Finds the source a client names, or records it. A URL names a source by its URL; anything else
 * is taken as a title (the seed's sources, and reports known only by outlet, have no URL).
 */
export async function findOrCreateSource(
  tx: Tx,
  reference: string,
  who: Actor,
  details: { publisher?: string | null; note?: string | null } = {},
): Promise<string> {
  const isUrl = /^https?:\/\//i.test(reference);
  const existing = await tx.source.findFirst({
    where: isUrl ? { url: reference } : { title: reference, url: null },
    select: { id: true },
  });
  if (existing) return existing.id;
  const fields = { title: reference, publisher: details.publisher ?? null, note: details.note ?? null };
  const data = { ...fields, searchText: sourceSearchText({ ...fields, url: isUrl ? reference : null }) };
  // A title has no unique index: two first citations of one title at once may record it twice.
  if (!isUrl) {
    const { id } = await tx.source.create({ data, select: { id: true } });
    await sourceCreated(tx, id, who);
    return id;
  }
  // Two requests citing a new URL at once both miss above. A plain insert would fail the loser on
  // the unique URL, and on PostgreSQL abort its whole transaction (the grievance it was saving);
  // this one is the database's own upsert (INSERT … ON CONFLICT), so the loser gets the winner's
  // row. The update must name a column for Prisma to emit that, and rewrites the URL it matched.
  const row = await tx.source.upsert({
    where: { url: reference },
    create: { ...data, url: reference },
    update: { url: reference },
    select: { id: true },
  });
  // Whoever inserted the row wrote its revision in the same transaction; the loser of a race sees
  // that revision once the winner commits, so the create is recorded once.
  const recorded = await tx.revision.findFirst({ where: { entity: "source", entityId: row.id }, select: { id: true } });
  if (!recorded) await sourceCreated(tx, row.id, who);
  return row.id;
}

export const SOURCE_REVISIONS: RevisionSpec = {
  entity: "source",
  fields: ["title", "url", "publisher", "publishedAt", "note"],
  snapshot: (tx, id) => tx.source.findUnique({ where: { id }, select: sourceSelect }),
};

const sourceCreated = (tx: Tx, id: string, who: Actor) => recordCreated(tx, SOURCE_REVISIONS, id, who);

/** A quote as its revisions show it: its source by URL, or by title when it has none. */
export const CITATION_REVISIONS: RevisionSpec = {
  entity: "citation",
  fields: ["quote", "source", "grievanceId", "meetingId"],
  snapshot: async (tx, id) => {
    const row = await tx.citation.findUnique({
      where: { id },
      select: { quote: true, grievanceId: true, meetingId: true, source: { select: { url: true, title: true } } },
    });
    return row && { ...row, source: row.source.url ?? row.source.title };
  },
};

/**
 * A record's live citations, oldest first, as a nested select; `toCitation` shows each. A deleted
 * quote leaves the record's page and API detail; its revisions stay with the record's.
 */
export const citationsSelect = {
  where: { deletedAt: null },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: { id: true, version: true, quote: true, source: { select: citedSourceSelect } },
} satisfies Prisma.CitationFindManyArgs;

export function toCitation(row: {
  id: string;
  version: number;
  quote: string;
  source: Parameters<typeof toCitedSource>[0];
}): Citation {
  return { id: row.id, version: row.version, quote: row.quote, source: toCitedSource(row.source) };
}

/** Records quotes for a grievance or a meeting, each source found or recorded once. */
export async function addCitations(
  tx: Tx,
  owner: { grievanceId: string } | { meetingId: string },
  citations: ReadonlyArray<{ quote: string; source: string }>,
  at: Date,
  who: Actor,
): Promise<void> {
  for (const citation of citations) {
    const sourceId = await findOrCreateSource(tx, citation.source, who);
    const { id } = await tx.citation.create({
      data: { ...owner, sourceId, quote: citation.quote, searchText: quoteSearchText(citation.quote), createdAt: at },
      select: { id: true },
    });
    await recordCreated(tx, CITATION_REVISIONS, id, who);
  }
}

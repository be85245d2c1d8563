import "server-only";
import type { Citation, SourceRef } from "@/lib/schemas/source";
import type { Tx } from "./db";

export const sourceSelect = {
  title: true,
  publisher: true,
  url: true,
  publishedAt: true,
  note: true,
} as const;

export function toSourceRef(source: {
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: Date | null;
  note: string | null;
}): SourceRef {
  return { ...source, publishedAt: source.publishedAt?.toISOString() ?? null };
}

/**
 * Finds the source a client names, or records it. A URL names a source by its URL; anything else
 * is taken as a title (the seed's sources, and reports known only by outlet, have no URL).
 */
export async function findOrCreateSource(
  tx: Tx,
  reference: string,
  details: { publisher?: string | null; note?: string | null } = {},
): Promise<string> {
  const isUrl = /^https?:\/\//i.test(reference);
  const existing = await tx.source.findFirst({
    where: isUrl ? { url: reference } : { title: reference, url: null },
    select: { id: true },
  });
  if (existing) return existing.id;
  const data = { title: reference, publisher: details.publisher ?? null, note: details.note ?? null };
  // A title has no unique index: two first citations of one title at once may record it twice.
  if (!isUrl) return (await tx.source.create({ data, select: { id: true } })).id;
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
  return row.id;
}

/** A record's citations, oldest first, as a nested select; `toCitation` shows each. */
export const citationsSelect = {
  orderBy: { createdAt: "asc" },
  select: { quote: true, source: { select: sourceSelect } },
} as const;

export function toCitation(row: { quote: string; source: Parameters<typeof toSourceRef>[0] }): Citation {
  return { quote: row.quote, source: toSourceRef(row.source) };
}

/** Records quotes for a grievance or a meeting, each source found or recorded once. */
export async function addCitations(
  tx: Tx,
  owner: { grievanceId: string } | { meetingId: string },
  citations: ReadonlyArray<{ quote: string; source: string }>,
  at: Date,
): Promise<void> {
  for (const citation of citations) {
    const sourceId = await findOrCreateSource(tx, citation.source);
    await tx.citation.create({ data: { ...owner, sourceId, quote: citation.quote, createdAt: at } });
  }
}

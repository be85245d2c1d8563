import "server-only";
import { buildSearchText } from "@/lib/search";
import { getDb, type Tx } from "./db";

// The folded search columns of venues, sources and quotes (ADR 004's column, for search
// everywhere). Each is written from the record's own fields: at its creation, after an edit that
// wrote (venues.ts, sources.ts, citations.ts), and once at start-up for rows made before the column
// existed, since folding (NFKD, Turkish ı) is the app's and no migration's SQL can do it.

type VenueText = { name: string; city: string; country: string; note: string | null };
type SourceText = { title: string; publisher: string | null; url: string | null; note: string | null };

export const venueSearchText = (venue: VenueText) =>
  buildSearchText([venue.name, venue.city, venue.country, venue.note]);

export const sourceSearchText = (source: SourceText) =>
  buildSearchText([source.title, source.publisher, source.url, source.note]);

export const quoteSearchText = (quote: string) => buildSearchText([quote]);

const VENUE_TEXT = { name: true, city: true, country: true, note: true } as const;
const SOURCE_TEXT = { title: true, publisher: true, url: true, note: true } as const;

export async function refreshVenueSearchText(tx: Tx, id: string): Promise<void> {
  const venue = await tx.venue.findUniqueOrThrow({ where: { id }, select: VENUE_TEXT });
  await tx.venue.update({ where: { id }, data: { searchText: venueSearchText(venue) } });
}

export async function refreshSourceSearchText(tx: Tx, id: string): Promise<void> {
  const source = await tx.source.findUniqueOrThrow({ where: { id }, select: SOURCE_TEXT });
  await tx.source.update({ where: { id }, data: { searchText: sourceSearchText(source) } });
}

export async function refreshQuoteSearchText(tx: Tx, id: string): Promise<void> {
  const { quote } = await tx.citation.findUniqueOrThrow({ where: { id }, select: { quote: true } });
  await tx.citation.update({ where: { id }, data: { searchText: quoteSearchText(quote) } });
}

/**
 * Fills the column of every venue, source and quote that has none yet; returns how many it wrote.
 * Every one of them has a required name, title or quote with letters of some kind, so an empty
 * column means "never written" (a quote of punctuation only folds to "" and is rewritten on each
 * start, harmlessly). Filling is not an edit, so updatedAt stays. Written with updateMany on the row as read, so a record edited meanwhile
 * (whose edit wrote its own text) is left alone. Idempotent.
 */
export async function fillSearchText(): Promise<number> {
  const db = await getDb();
  let written = 0;
  const kept = { id: true, updatedAt: true } as const;
  for (const venue of await db.venue.findMany({ where: { searchText: "" }, select: { ...kept, ...VENUE_TEXT } })) {
    const { id, updatedAt, ...text } = venue;
    const { count } = await db.venue.updateMany({
      where: { id, searchText: "", ...text },
      data: { searchText: venueSearchText(text), updatedAt },
    });
    written += count;
  }
  for (const source of await db.source.findMany({ where: { searchText: "" }, select: { ...kept, ...SOURCE_TEXT } })) {
    const { id, updatedAt, ...text } = source;
    const { count } = await db.source.updateMany({
      where: { id, searchText: "", ...text },
      data: { searchText: sourceSearchText(text), updatedAt },
    });
    written += count;
  }
  for (const { id, updatedAt, quote } of await db.citation.findMany({
    where: { searchText: "" },
    select: { ...kept, quote: true },
  })) {
    const { count } = await db.citation.updateMany({
      where: { id, searchText: "", quote },
      data: { searchText: quoteSearchText(quote), updatedAt },
    });
    written += count;
  }
  return written;
}

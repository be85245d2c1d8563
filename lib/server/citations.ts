import "server-only";
import { AppError, notFound, validationFailed } from "@/lib/errors";
import type { Revision } from "@/lib/schemas/revision";
import {
  CitationUpdateSchema,
  SourceUpdateSchema,
  type CitationDetail,
  type CitingRecord,
  type SourceDetail,
  type SourceQuote,
} from "@/lib/schemas/source";
import { authorize, can, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { mutate } from "./mutation";
import { readRevisions } from "./revisions";
import { refreshQuoteSearchText, refreshSourceSearchText } from "./search-text";
import { CITATION_REVISIONS, citedSourceSelect, findOrCreateSource, SOURCE_REVISIONS, toCitedSource } from "./sources";
import { versionedRecord } from "./versioned";

// Quotes (citations) and their sources, corrected after the fact (issue 8). Both are versioned
// records: an edit names the version it saw, and the old text stays in a revision. A quote backs
// one grievance or one meeting and is out of sight wherever that record is (deleted): nobody but
// an admin reads it, and nobody edits it until the record is restored. Deleting and restoring a
// quote is for admins, as for grievances and meetings (agenda notes cannot be deleted at all, so
// there is no analyst precedent to follow).

const ownerSelect = { select: { id: true, title: true, deletedAt: true } } as const;

const quoteSelect = {
  id: true,
  version: true,
  quote: true,
  deletedAt: true,
  grievance: ownerSelect,
  meeting: ownerSelect,
} as const;

type Owner = { id: string; title: string; deletedAt: Date | null } | null;
type QuoteRow = {
  id: string;
  version: number;
  quote: string;
  deletedAt: Date | null;
  grievance: Owner;
  meeting: Owner;
};

function toCitingRecord(row: QuoteRow): CitingRecord | null {
  const [kind, owner] = row.grievance ? (["grievance", row.grievance] as const) : (["meeting", row.meeting] as const);
  if (!owner) return null;
  return { kind, id: owner.id, title: owner.title, deletedAt: owner.deletedAt?.toISOString() ?? null };
}

function toSourceQuote(row: QuoteRow): SourceQuote {
  return {
    id: row.id,
    version: row.version,
    quote: row.quote,
    record: toCitingRecord(row),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** When a quote went out of sight: its own deletion, or that of the record it backs. */
const hiddenSince = (row: QuoteRow): Date | null =>
  row.deletedAt ?? row.grievance?.deletedAt ?? row.meeting?.deletedAt ?? null;

async function readCitation(tx: Tx, id: string): Promise<CitationDetail | null> {
  const row = await tx.citation.findUnique({
    where: { id },
    select: { ...quoteSelect, source: { select: citedSourceSelect } },
  });
  return row && { ...toSourceQuote(row), source: toCitedSource(row.source) };
}

const citationRecord = versionedRecord({
  model: "citation",
  label: "Quote",
  state: async (tx, id) => {
    const row = await tx.citation.findUnique({ where: { id }, select: quoteSelect });
    return row && { version: row.version, deletedAt: hiddenSince(row) };
  },
  read: readCitation,
  revisions: CITATION_REVISIONS,
  // A quote on a deleted record is deleted with it: restoring the record brings it back, and
  // deleting or restoring the quote alone would change what nobody can see.
  guard: async (tx, id) => {
    const row = await tx.citation.findUnique({ where: { id }, select: quoteSelect });
    if (!row) throw notFound("Quote");
    const owner = toCitingRecord(row);
    if (owner?.deletedAt) {
      throw new AppError("CONFLICT", `The ${owner.kind} this quote backs is deleted; restore the ${owner.kind} first`);
    }
  },
});

/** One quote with its source, as the actor may see it. */
export async function getCitation(actor: Actor | null, id: string): Promise<CitationDetail> {
  authorize(actor, "read");
  const db = await getDb();
  const row = await db.citation.findUnique({ where: { id }, select: quoteSelect });
  if (!row || (hiddenSince(row) && !can(actor, "admin"))) throw notFound("Quote");
  return (await readCitation(db, id))!;
}

/**
 * Corrects a quote's text and/or its source (analysts), at the version last seen. The source is
 * named as when the quote was added (a URL, or a title), found or recorded once; the revision
 * keeps the text and source it replaces, with the analyst's note.
 */
export function updateCitation(actor: Actor | null, id: string, input: unknown): Promise<CitationDetail> {
  return mutate(actor, { permission: "write", schema: CitationUpdateSchema, input }, async (tx, data, who) => {
    const wrote = await citationRecord.change(tx, id, data.version, {
      who,
      at: new Date(),
      note: data.note,
      fields: async () => ({
        ...(data.quote !== undefined ? { quote: data.quote } : {}),
        ...(data.source !== undefined ? { sourceId: await findOrCreateSource(tx, data.source, who) } : {}),
      }),
    });
    if (wrote) await refreshQuoteSearchText(tx, id);
    return (await readCitation(tx, id))!;
  });
}

/** Hides a quote from its record's page and detail (admins); it stays in the revisions, restorable. */
export function deleteCitation(actor: Actor | null, id: string): Promise<CitationDetail> {
  return citationRecord.remove(actor, id);
}

export function restoreCitation(actor: Actor | null, id: string): Promise<CitationDetail> {
  return citationRecord.restore(actor, id);
}

/** A quote's revisions, oldest first; a hidden quote's are for admins only, as the quote is. */
export async function listCitationRevisions(actor: Actor | null, id: string): Promise<Revision[]> {
  authorize(actor, "read");
  const db = await getDb();
  const row = await db.citation.findUnique({ where: { id }, select: quoteSelect });
  if (!row || (hiddenSince(row) && !can(actor, "admin"))) throw notFound("Quote");
  return readRevisions(db, "citation", id);
}

// ---------------------------------------------------------------------------------------------
// Sources

/**
 * A source with the quotes taken from it. `withHidden` (admins) also lists the deleted quotes
 * and those on deleted records, so that an admin can find and restore them.
 */
async function readSource(tx: Tx, id: string, withHidden: boolean): Promise<SourceDetail | null> {
  const row = await tx.source.findUnique({
    where: { id },
    select: {
      ...citedSourceSelect,
      version: true,
      createdAt: true,
      updatedAt: true,
      deletedAt: true,
      citations: {
        where: withHidden
          ? {}
          : {
              deletedAt: null,
              OR: [{ grievance: { deletedAt: null } }, { meeting: { deletedAt: null } }],
            },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: quoteSelect,
      },
    },
  });
  if (!row) return null;
  const { citations, version, createdAt, updatedAt, deletedAt, ...source } = row;
  return {
    ...toCitedSource(source),
    version,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    deletedAt: deletedAt?.toISOString() ?? null,
    citations: citations.map(toSourceQuote),
  };
}

const sourceRecord = versionedRecord({
  model: "source",
  label: "Source",
  state: (tx, id) => tx.source.findUnique({ where: { id }, select: { version: true, deletedAt: true } }),
  // The body of a 409 goes to whoever edited, so it lists only what everyone may see.
  read: (tx, id) => readSource(tx, id, false),
  revisions: SOURCE_REVISIONS,
});

/** Nothing deletes a source today, but one with `deletedAt` set is for admins only, as every record. */
export async function getSource(actor: Actor | null, id: string): Promise<SourceDetail> {
  authorize(actor, "read");
  const isAdmin = can(actor, "admin");
  const source = await readSource(await getDb(), id, isAdmin);
  if (!source || (source.deletedAt && !isAdmin)) throw notFound("Source");
  return source;
}

const urlTaken = (title?: string) =>
  validationFailed([
    {
      path: "url",
      message: title ? `Another source has this URL: “${title}”` : "Another source has this URL",
    },
  ]);

/**
 * Corrects a source (analysts), at the version last seen. Its URL names it when a quote or a status
 * change cites it, so two sources cannot share one: a clash is the client's mistake (400 on `url`),
 * found by a look-up first to name the other source, and by the unique index under a race.
 */
export function updateSource(actor: Actor | null, id: string, input: unknown): Promise<SourceDetail> {
  return mutate(
    actor,
    { permission: "write", schema: SourceUpdateSchema, input, unique: { url: () => urlTaken() } },
    async (tx, data, who) => {
      const wrote = await sourceRecord.change(tx, id, data.version, {
        who,
        at: new Date(),
        fields: async () => {
          if (data.url) {
            const other = await tx.source.findFirst({
              where: { url: data.url, id: { not: id } },
              select: { title: true },
            });
            if (other) throw urlTaken(other.title);
          }
          return {
            ...(data.title !== undefined ? { title: data.title } : {}),
            ...(data.publisher !== undefined ? { publisher: data.publisher || null } : {}),
            ...(data.url !== undefined ? { url: data.url } : {}),
            ...(data.publishedAt !== undefined
              ? { publishedAt: data.publishedAt === null ? null : new Date(`${data.publishedAt}T00:00:00Z`) }
              : {}),
            ...(data.note !== undefined ? { note: data.note || null } : {}),
          };
        },
      });
      if (wrote) await refreshSourceSearchText(tx, id);
      return (await readSource(tx, id, can(who, "admin")))!;
    },
  );
}

/** A source's own revisions, oldest first (its quotes' are with the records they back). */
export async function listSourceRevisions(actor: Actor | null, id: string): Promise<Revision[]> {
  authorize(actor, "read");
  const db = await getDb();
  const row = await db.source.findUnique({ where: { id }, select: { deletedAt: true } });
  if (!row || (row.deletedAt && !can(actor, "admin"))) throw notFound("Source");
  return readRevisions(db, "source", id);
}

import "server-only";
import { AppError, notFound, parseOrThrow, validationFailed } from "@/lib/errors";
import {
  PartyCreateSchema,
  PartyFiltersSchema,
  PartyMergeSchema,
  PartyUpdateSchema,
  type PartyDetail,
  type PartySummary,
} from "@/lib/schemas/party";
import { foldForSearch } from "@/lib/search";
import { authorize, type Actor } from "./authz";
import type { MutationContext } from "./context";
import { getDb, type Tx } from "./db";
import { mutate } from "./mutation";
import { recordRevision, type RevisionSpec } from "./revisions";
import { createSlugged } from "./slugged";
import { versionedRecord } from "./versioned";

export const partyRefSelect = { slug: true, name: true, shortName: true } as const;

/** The live parties (pickers and the list), or for admins at `deleted: "1"` the deleted ones. */
export async function listParties(actor: Actor | null, input: unknown = {}): Promise<PartySummary[]> {
  authorize(actor, "read");
  const filters = parseOrThrow(PartyFiltersSchema, input);
  if (filters.deleted) authorize(actor, "admin");
  const db = await getDb();
  const [parties, roleCounts] = await Promise.all([
    db.party.findMany({
      where: { deletedAt: filters.deleted ? { not: null } : null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        ...partyRefSelect,
        kind: true,
        _count: { select: { participants: { where: { meeting: { deletedAt: null } } } } },
      },
    }),
    db.grievanceParty.groupBy({
      by: ["partyId", "role"],
      where: { grievance: { deletedAt: null } },
      _count: { _all: true },
    }),
  ]);
  return parties.map(({ _count, ...party }) => ({
    ...party,
    raisedCount: roleCounts.find((c) => c.partyId === party.id && c.role === "RAISED_BY")?._count._all ?? 0,
    addressedCount: roleCounts.find((c) => c.partyId === party.id && c.role === "ADDRESSED_TO")?._count._all ?? 0,
    meetingCount: _count.participants,
  }));
}

/**
 * The live parties' slugs and names, by name, for pickers: one read of the party table, no
 * counts (listParties' counts group every grievance's party rows, which a drop-down never shows).
 */
export async function listPartyOptions(actor: Actor | null): Promise<Array<{ slug: string; name: string }>> {
  authorize(actor, "read");
  const db = await getDb();
  return db.party.findMany({
    where: { deletedAt: null },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}

async function readPartyDetail(tx: Tx, id: string): Promise<PartyDetail | null> {
  const party = await tx.party.findUnique({
    where: { id },
    select: {
      id: true,
      ...partyRefSelect,
      kind: true,
      createdAt: true,
      version: true,
      deletedAt: true,
      mergedIntoId: true,
    },
  });
  if (!party) return null;
  const { mergedIntoId, createdAt, deletedAt, ...rest } = party;
  const mergedInto = mergedIntoId
    ? await tx.party.findUnique({ where: { id: mergedIntoId }, select: partyRefSelect })
    : null;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    deletedAt: deletedAt?.toISOString() ?? null,
    mergedInto,
  };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/**
 * A party named by a live grievance or meeting stays: deleting it would leave those records
 * naming a party no list shows. Merging moves the references first; a merged party's references
 * are with the survivor, so bringing it back would restore an empty shell.
 */
async function guardParty(tx: Tx, id: string, to: "delete" | "restore"): Promise<void> {
  const party = await tx.party.findUnique({ where: { id }, select: { name: true, mergedIntoId: true } });
  if (!party) throw notFound("Party");
  if (to === "restore") {
    if (party.mergedIntoId) {
      throw new AppError("CONFLICT", `${party.name} was merged into another party; its references are there now`);
    }
    return;
  }
  const grievances = await tx.grievance.count({ where: { deletedAt: null, parties: { some: { partyId: id } } } });
  const meetings = await tx.meeting.count({ where: { deletedAt: null, participants: { some: { partyId: id } } } });
  const named = [grievances && count(grievances, "grievance"), meetings && count(meetings, "meeting")].filter(Boolean);
  if (named.length) {
    throw new AppError(
      "CONFLICT",
      `${party.name} is still named by ${named.join(" and ")}; merge it or remove it from them first`,
    );
  }
}

/** What a party's revisions hold, from its creation on. */
export const PARTY_REVISIONS: RevisionSpec = {
  entity: "party",
  fields: ["name", "shortName", "kind"],
  snapshot: (tx, id) => tx.party.findUnique({ where: { id }, select: { name: true, shortName: true, kind: true } }),
};

const partyRecord = versionedRecord({
  model: "party",
  label: "Party",
  state: (tx, id) =>
    tx.party.findUnique({ where: { id }, select: { version: true, deletedAt: true, name: true, shortName: true } }),
  read: readPartyDetail,
  revisions: PARTY_REVISIONS,
  guard: guardParty,
});

/** The id behind a slug; a deleted party's slug still names it (admins restore it by that). */
async function partyIdOf(tx: Tx, slug: string): Promise<string> {
  const party = await tx.party.findUnique({ where: { slug }, select: { id: true } });
  if (!party) throw notFound("Party");
  return party.id;
}

/** A party as the actor may see it: a deleted (or merged) one exists for admins only. */
export async function getPartyOrThrow(actor: Actor | null, slug: string): Promise<PartyDetail> {
  authorize(actor, "read");
  return partyRecord.get(actor, await partyIdOf(await getDb(), slug));
}

/** Resolves live party slugs to ids inside a transaction; an unknown or deleted slug is the client's mistake. */
export async function partyIdsBySlug(tx: Tx, slugs: readonly string[], field: string): Promise<Map<string, string>> {
  const rows = await tx.party.findMany({
    where: { slug: { in: [...slugs] }, deletedAt: null },
    select: { id: true, slug: true },
  });
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const issues = slugs
    .map((slug, index) => ({ slug, index }))
    .filter(({ slug }) => !ids.has(slug))
    .map(({ slug, index }) => ({ path: `${field}.${index}`, message: `Unknown party "${slug}"` }));
  if (issues.length) {
    throw new AppError("VALIDATION_FAILED", issues[0]!.message, { issues });
  }
  return ids;
}

const searchTextOf = (name: string, shortName: string | null | undefined) =>
  foldForSearch([name, shortName].filter(Boolean).join(" "));

export function createParty(actor: Actor | null, input: unknown, context: MutationContext = {}): Promise<PartySummary> {
  return createSlugged(
    actor,
    input,
    {
      noun: "party",
      revisions: partyRecord.revisions,
      schema: PartyCreateSchema,
      slugFrom: (data) => data.name,
      noLetters: "Give a slug; the name has no letters to make one from",
      insert: async (tx, data, slug) => {
        const party = await tx.party.create({
          data: {
            slug,
            name: data.name,
            shortName: data.shortName ?? null,
            kind: data.kind ?? "STATE",
            searchText: searchTextOf(data.name, data.shortName),
          },
          select: { id: true, ...partyRefSelect, kind: true },
        });
        return { ...party, raisedCount: 0, addressedCount: 0, meetingCount: 0 };
      },
    },
    context,
  );
}

/** Edits a party's name, short name or kind (analysts), checked against the version last seen. */
export function updateParty(actor: Actor | null, slug: string, input: unknown): Promise<PartyDetail> {
  return mutate(actor, { permission: "write", schema: PartyUpdateSchema, input }, async (tx, data, who) => {
    const id = await partyIdOf(tx, slug);
    await partyRecord.change(tx, id, data.version, {
      who,
      at: new Date(),
      fields: async (current) => {
        // An empty short name clears it.
        const shortName = data.shortName === undefined ? current.shortName : data.shortName || null;
        const name = data.name ?? current.name;
        return {
          ...(data.name !== undefined ? { name } : {}),
          ...(data.shortName !== undefined ? { shortName } : {}),
          ...(data.kind !== undefined ? { kind: data.kind } : {}),
          searchText: searchTextOf(name, shortName),
        };
      },
    });
    return (await readPartyDetail(tx, id))!;
  });
}

/** The admin checks come before the slug is looked up, so a viewer learns nothing of what exists. */
async function adminPartyId(actor: Actor | null, slug: string): Promise<string> {
  authorize(actor, "admin");
  return partyIdOf(await getDb(), slug);
}

/** Hides a party no live record names (admins); restorable. */
export async function deleteParty(actor: Actor | null, slug: string): Promise<PartyDetail> {
  return partyRecord.remove(actor, await adminPartyId(actor, slug));
}

export async function restoreParty(actor: Actor | null, slug: string): Promise<PartyDetail> {
  return partyRecord.restore(actor, await adminPartyId(actor, slug));
}

/**
 * Merges a duplicate party into the one that stays (admins), in one transaction: every grievance
 * and meeting that named it names the survivor instead (once, where it named both), and the
 * merged party is deleted with a revision that points to the survivor.
 */
export function mergeParty(actor: Actor | null, slug: string, input: unknown): Promise<PartyDetail> {
  return mutate(actor, { permission: "admin", schema: PartyMergeSchema, input }, async (tx, data, who) => {
    const merged = await tx.party.findUnique({ where: { slug }, select: { id: true, deletedAt: true } });
    if (!merged || merged.deletedAt) throw notFound("Party");
    if (data.into === slug) {
      throw validationFailed([{ path: "into", message: "Choose another party: a party cannot be merged into itself" }]);
    }
    const survivor = await tx.party.findUnique({
      where: { slug: data.into },
      select: { id: true, slug: true, name: true, deletedAt: true },
    });
    if (!survivor || survivor.deletedAt) {
      throw validationFailed([{ path: "into", message: `Unknown party "${data.into}"` }]);
    }
    const from = { partyId: merged.id };

    // The records that named it change: a form opened on one before the merge must not save over it.
    await tx.grievance.updateMany({ where: { parties: { some: from } }, data: { version: { increment: 1 } } });
    await tx.meeting.updateMany({ where: { participants: { some: from } }, data: { version: { increment: 1 } } });

    // A grievance that names both in one role keeps the survivor's row; the keys allow one.
    const both = await tx.grievanceParty.findMany({
      where: { partyId: survivor.id, grievance: { parties: { some: from } } },
      select: { grievanceId: true, role: true },
    });
    for (const { grievanceId, role } of both) {
      await tx.grievanceParty.deleteMany({ where: { grievanceId, role, ...from } });
    }
    await tx.grievanceParty.updateMany({ where: from, data: { partyId: survivor.id } });

    // A meeting both attended keeps the survivor's row (its role and head of delegation).
    const attended = await tx.meetingParticipant.findMany({
      where: { partyId: survivor.id, meeting: { participants: { some: from } } },
      select: { meetingId: true },
    });
    await tx.meetingParticipant.deleteMany({ where: { ...from, meetingId: { in: attended.map((m) => m.meetingId) } } });
    await tx.meetingParticipant.updateMany({ where: from, data: { partyId: survivor.id } });

    await tx.party.update({
      where: { id: merged.id },
      data: { deletedAt: new Date(), mergedIntoId: survivor.id, version: { increment: 1 } },
    });
    await recordRevision(tx, {
      entity: "party",
      entityId: merged.id,
      action: "merge",
      changes: [{ field: "mergedInto", before: null, after: survivor.slug }],
      who,
      note: `Merged into ${survivor.name}`,
    });
    return (await readPartyDetail(tx, merged.id))!;
  });
}

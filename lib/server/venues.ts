import "server-only";
import { AppError, notFound, parseOrThrow, validationFailed } from "@/lib/errors";
import {
  VenueCreateSchema,
  VenueFiltersSchema,
  VenueMergeSchema,
  VenueUpdateSchema,
  type VenueDetail,
  type VenueSummary,
} from "@/lib/schemas/venue";
import { authorize, type Actor } from "./authz";
import type { MutationContext } from "./context";
import { getDb, type Tx } from "./db";
import { mutate } from "./mutation";
import { recordRevision, type RevisionSpec } from "./revisions";
import { refreshVenueSearchText, venueSearchText } from "./search-text";
import { createSlugged } from "./slugged";
import { versionedRecord } from "./versioned";

export const venueRefSelect = { slug: true, name: true, city: true, country: true } as const;

const meetingCount = { _count: { select: { meetings: { where: { deletedAt: null } } } } } as const;

/** The live venues (pickers and the list), or for admins at `deleted: "1"` the deleted ones. */
export async function listVenues(actor: Actor | null, input: unknown = {}): Promise<VenueSummary[]> {
  authorize(actor, "read");
  const filters = parseOrThrow(VenueFiltersSchema, input);
  if (filters.deleted) authorize(actor, "admin");
  const db = await getDb();
  const venues = await db.venue.findMany({
    where: { deletedAt: filters.deleted ? { not: null } : null },
    orderBy: [{ city: "asc" }, { name: "asc" }],
    select: { id: true, ...venueRefSelect, note: true, ...meetingCount },
  });
  return venues.map(({ _count, ...venue }) => ({ ...venue, meetingCount: _count.meetings }));
}

async function readVenueDetail(tx: Tx, id: string): Promise<VenueDetail | null> {
  const venue = await tx.venue.findUnique({
    where: { id },
    select: {
      id: true,
      ...venueRefSelect,
      note: true,
      version: true,
      deletedAt: true,
      mergedIntoId: true,
      ...meetingCount,
    },
  });
  if (!venue) return null;
  const { _count, mergedIntoId, deletedAt, ...rest } = venue;
  const mergedInto = mergedIntoId
    ? await tx.venue.findUnique({ where: { id: mergedIntoId }, select: venueRefSelect })
    : null;
  return { ...rest, meetingCount: _count.meetings, deletedAt: deletedAt?.toISOString() ?? null, mergedInto };
}

/**
 * A venue of live meetings stays: deleting it would leave them held nowhere any list shows.
 * A merged venue's meetings are with the survivor, so it cannot come back.
 */
async function guardVenue(tx: Tx, id: string, to: "delete" | "restore"): Promise<void> {
  const venue = await tx.venue.findUnique({ where: { id }, select: { name: true, mergedIntoId: true } });
  if (!venue) throw notFound("Venue");
  if (to === "restore") {
    if (venue.mergedIntoId) {
      throw new AppError("CONFLICT", `${venue.name} was merged into another venue; its meetings are there now`);
    }
    return;
  }
  const meetings = await tx.meeting.count({ where: { deletedAt: null, venueId: id } });
  if (meetings) {
    throw new AppError(
      "CONFLICT",
      `${venue.name} is still the venue of ${meetings} ${meetings === 1 ? "meeting" : "meetings"}; merge it or move them to another venue first`,
    );
  }
}

/** What a venue's revisions hold, from its creation on. */
export const VENUE_REVISIONS: RevisionSpec = {
  entity: "venue",
  fields: ["name", "city", "country", "note"],
  snapshot: (tx, id) =>
    tx.venue.findUnique({ where: { id }, select: { name: true, city: true, country: true, note: true } }),
};

const venueRecord = versionedRecord({
  model: "venue",
  label: "Venue",
  state: (tx, id) => tx.venue.findUnique({ where: { id }, select: { version: true, deletedAt: true } }),
  read: readVenueDetail,
  revisions: VENUE_REVISIONS,
  guard: guardVenue,
});

/** The id behind a slug; a deleted venue's slug still names it (admins restore it by that). */
async function venueIdOf(tx: Tx, slug: string): Promise<string> {
  const venue = await tx.venue.findUnique({ where: { slug }, select: { id: true } });
  if (!venue) throw notFound("Venue");
  return venue.id;
}

/** A venue as the actor may see it: a deleted (or merged) one exists for admins only. */
export async function getVenueOrThrow(actor: Actor | null, slug: string): Promise<VenueDetail> {
  authorize(actor, "read");
  return venueRecord.get(actor, await venueIdOf(await getDb(), slug));
}

export function createVenue(actor: Actor | null, input: unknown, context: MutationContext = {}): Promise<VenueSummary> {
  return createSlugged(
    actor,
    input,
    {
      noun: "venue",
      revisions: venueRecord.revisions,
      schema: VenueCreateSchema,
      slugFrom: (data) => `${data.name} ${data.city}`,
      noLetters: "Give a slug; the name and city have no letters to make one from",
      insert: async (tx, data, slug) => {
        const venue = await tx.venue.create({
          data: {
            slug,
            name: data.name,
            city: data.city,
            country: data.country,
            note: data.note ?? null,
            searchText: venueSearchText({ ...data, note: data.note ?? null }),
          },
          select: { id: true, ...venueRefSelect, note: true },
        });
        return { ...venue, meetingCount: 0 };
      },
    },
    context,
  );
}

/** Edits a venue's name, city, country or note (analysts), checked against the version last seen. */
export function updateVenue(actor: Actor | null, slug: string, input: unknown): Promise<VenueDetail> {
  return mutate(actor, { permission: "write", schema: VenueUpdateSchema, input }, async (tx, data, who) => {
    const id = await venueIdOf(tx, slug);
    const wrote = await venueRecord.change(tx, id, data.version, {
      who,
      at: new Date(),
      fields: async () => ({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.city !== undefined ? { city: data.city } : {}),
        ...(data.country !== undefined ? { country: data.country } : {}),
        // An empty note clears it.
        ...(data.note !== undefined ? { note: data.note || null } : {}),
      }),
    });
    if (wrote) await refreshVenueSearchText(tx, id);
    return (await readVenueDetail(tx, id))!;
  });
}

/** The admin check comes before the slug is looked up, so a viewer learns nothing of what exists. */
async function adminVenueId(actor: Actor | null, slug: string): Promise<string> {
  authorize(actor, "admin");
  return venueIdOf(await getDb(), slug);
}

/** Hides a venue no live meeting was held at (admins); restorable. */
export async function deleteVenue(actor: Actor | null, slug: string): Promise<VenueDetail> {
  return venueRecord.remove(actor, await adminVenueId(actor, slug));
}

export async function restoreVenue(actor: Actor | null, slug: string): Promise<VenueDetail> {
  return venueRecord.restore(actor, await adminVenueId(actor, slug));
}

/**
 * Merges a duplicate venue into the one that stays (admins), in one transaction: its meetings
 * move to the survivor, and it is deleted with a revision that points to the survivor.
 */
export function mergeVenue(actor: Actor | null, slug: string, input: unknown): Promise<VenueDetail> {
  return mutate(actor, { permission: "admin", schema: VenueMergeSchema, input }, async (tx, data, who) => {
    const merged = await tx.venue.findUnique({ where: { slug }, select: { id: true, deletedAt: true } });
    if (!merged || merged.deletedAt) throw notFound("Venue");
    if (data.into === slug) {
      throw validationFailed([{ path: "into", message: "Choose another venue: a venue cannot be merged into itself" }]);
    }
    const survivor = await tx.venue.findUnique({
      where: { slug: data.into },
      select: { id: true, slug: true, name: true, deletedAt: true },
    });
    if (!survivor || survivor.deletedAt) {
      throw validationFailed([{ path: "into", message: `Unknown venue "${data.into}"` }]);
    }
    // The version moves, so a meeting form opened before the merge cannot save the old venue back.
    await tx.meeting.updateMany({
      where: { venueId: merged.id },
      data: { venueId: survivor.id, version: { increment: 1 } },
    });
    await tx.venue.update({
      where: { id: merged.id },
      data: { deletedAt: new Date(), mergedIntoId: survivor.id, version: { increment: 1 } },
    });
    await recordRevision(tx, {
      entity: "venue",
      entityId: merged.id,
      action: "merge",
      changes: [{ field: "mergedInto", before: null, after: survivor.slug }],
      who,
      note: `Merged into ${survivor.name}`,
    });
    return (await readVenueDetail(tx, merged.id))!;
  });
}

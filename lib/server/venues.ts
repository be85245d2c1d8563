import "server-only";
import { notFound } from "@/lib/errors";
import { VenueCreateSchema, type VenueSummary } from "@/lib/schemas/venue";
import { authorize, type Actor } from "./authz";
import { getDb } from "./db";
import { createSlugged } from "./slugged";

export const venueRefSelect = { slug: true, name: true, city: true, country: true } as const;

const meetingCount = { _count: { select: { meetings: { where: { deletedAt: null } } } } } as const;

export async function listVenues(actor: Actor | null): Promise<VenueSummary[]> {
  authorize(actor, "read");
  const db = await getDb();
  const venues = await db.venue.findMany({
    orderBy: [{ city: "asc" }, { name: "asc" }],
    select: { id: true, ...venueRefSelect, note: true, ...meetingCount },
  });
  return venues.map(({ _count, ...venue }) => ({ ...venue, meetingCount: _count.meetings }));
}

export async function getVenueOrThrow(actor: Actor | null, slug: string): Promise<VenueSummary> {
  authorize(actor, "read");
  const db = await getDb();
  const venue = await db.venue.findUnique({
    where: { slug },
    select: { id: true, ...venueRefSelect, note: true, ...meetingCount },
  });
  if (!venue) throw notFound("Venue");
  const { _count, ...rest } = venue;
  return { ...rest, meetingCount: _count.meetings };
}

export function createVenue(actor: Actor | null, input: unknown): Promise<VenueSummary> {
  return createSlugged(actor, input, {
    noun: "venue",
    schema: VenueCreateSchema,
    slugFrom: (data) => `${data.name} ${data.city}`,
    noLetters: "Give a slug; the name and city have no letters to make one from",
    insert: async (tx, data, slug) => {
      const venue = await tx.venue.create({
        data: { slug, name: data.name, city: data.city, country: data.country, note: data.note ?? null },
        select: { id: true, ...venueRefSelect, note: true },
      });
      return { ...venue, meetingCount: 0 };
    },
  });
}

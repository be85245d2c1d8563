import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { deleteMeeting, getMeetingOrThrow } from "@/lib/server/meetings";
import { createUser } from "@/lib/server/users";
import {
  createVenue,
  deleteVenue,
  getVenueOrThrow,
  listVenues,
  mergeVenue,
  restoreVenue,
  updateVenue,
} from "@/lib/server/venues";
import { makeMeeting, makeVenue, userActor } from "../support/factories";
import { fingerprint } from "../support/fingerprint";
import { storedRevisions } from "../support/revisions";

// lib/server/venues.ts: a venue as created, listed and read, its edits field by field, and the
// rules of deleting, restoring and merging one.

async function venueRow(id: string) {
  const db = await getDb();
  return db.venue.findUniqueOrThrow({ where: { id }, select: { searchText: true, version: true, note: true } });
}

const revisionsOf = (entityId: string) => storedRevisions("venue", entityId);

describe("creating a venue", () => {
  it("makes its slug from name and city, and records every field with its search text and a revision", async () => {
    const venue = await createVenue(SYSTEM, {
      name: "Palais des Nations",
      city: "Genève",
      country: "Switzerland",
      note: "Room XX",
    });
    expect(venue).toEqual({
      id: expect.any(String),
      slug: "palais-des-nations-geneve",
      name: "Palais des Nations",
      city: "Genève",
      country: "Switzerland",
      note: "Room XX",
      meetingCount: 0,
    });
    expect(await venueRow(venue.id)).toMatchObject({
      searchText: "palais des nations\ngeneve\nswitzerland\nroom xx",
      version: 1,
    });
    expect(await revisionsOf(venue.id)).toEqual([
      {
        action: "CREATE",
        note: null,
        changes: [
          { field: "name", before: null, after: "Palais des Nations" },
          { field: "city", before: null, after: "Genève" },
          { field: "country", before: null, after: "Switzerland" },
          { field: "note", before: null, after: "Room XX" },
        ],
      },
    ]);
  });

  it("takes a slug given, and no note as none", async () => {
    const venue = await createVenue(SYSTEM, { name: "Hofburg", city: "Vienna", country: "Austria", slug: "hofburg" });
    expect(venue).toMatchObject({ slug: "hofburg", note: null });
    expect(await venueRow(venue.id)).toMatchObject({ searchText: "hofburg\nvienna\naustria", note: null });
    expect(await createVenue(SYSTEM, { name: "Hofburg", city: "Vienna", country: "Austria" })).toMatchObject({
      slug: "hofburg-vienna",
    });
    await expect(createVenue(SYSTEM, { name: "Hofburg", city: "Vienna", country: "Austria" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "name", message: 'A venue with the slug "hofburg-vienna" exists' }],
    });
  });
});

describe("listing and reading venues", () => {
  it("lists the live ones by city then name, each with its count of live meetings", async () => {
    const b = await makeVenue({ name: "B hall", city: "Zagreb" });
    const a = await makeVenue({ name: "A hall", city: "Zagreb" });
    const c = await makeVenue({ name: "C hall", city: "Athens" });
    await makeMeeting({ venue: a.slug });
    await makeMeeting({ venue: a.slug });
    const gone = await makeMeeting({ venue: a.slug });
    await deleteMeeting(SYSTEM, gone.id);
    const listed = (await listVenues(userActor("viewer"))).filter((v) => [a.id, b.id, c.id].includes(v.id));
    expect(listed).toEqual([
      { id: c.id, slug: c.slug, name: "C hall", city: "Athens", country: "Switzerland", note: null, meetingCount: 0 },
      { id: a.id, slug: a.slug, name: "A hall", city: "Zagreb", country: "Switzerland", note: null, meetingCount: 2 },
      { id: b.id, slug: b.slug, name: "B hall", city: "Zagreb", country: "Switzerland", note: null, meetingCount: 0 },
    ]);
    expect(await getVenueOrThrow(userActor("viewer"), a.slug)).toEqual({
      id: a.id,
      slug: a.slug,
      name: "A hall",
      city: "Zagreb",
      country: "Switzerland",
      note: null,
      version: 1,
      meetingCount: 2,
      deletedAt: null,
      mergedInto: null,
    });
  });

  it("lists the deleted ones only under deleted=1, to admins", async () => {
    const live = await makeVenue();
    const gone = await makeVenue();
    await deleteVenue(SYSTEM, gone.slug);
    const deleted = (await listVenues(SYSTEM, { deleted: "1" })).map((v) => v.id);
    expect(deleted).toContain(gone.id);
    expect(deleted).not.toContain(live.id);
    expect((await listVenues(SYSTEM)).map((v) => v.id)).not.toContain(gone.id);
    await expect(listVenues(userActor("analyst"), { deleted: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listVenues(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await getVenueOrThrow(SYSTEM, gone.slug)).toMatchObject({ id: gone.id, deletedAt: expect.any(String) });
  });

  it("404s for an unknown slug, and refuses a signed-out reader", async () => {
    await expect(getVenueOrThrow(SYSTEM, "nowhere")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Venue was not found",
    });
    const venue = await makeVenue();
    await expect(getVenueOrThrow(null, venue.slug)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("editing a venue", () => {
  it("changes each field alone, keeps the others, and rewrites its search text", async () => {
    const venue = await makeVenue({ name: "Old Hall", city: "Oslo", country: "Norway", note: "First note" });
    const renamed = await updateVenue(SYSTEM, venue.slug, { version: 1, name: "New Hall" });
    expect(renamed).toMatchObject({
      name: "New Hall",
      city: "Oslo",
      country: "Norway",
      note: "First note",
      version: 2,
    });
    const moved = await updateVenue(SYSTEM, venue.slug, { version: 2, country: "Sweden" });
    expect(moved).toMatchObject({ name: "New Hall", city: "Oslo", country: "Sweden", note: "First note", version: 3 });
    const noted = await updateVenue(SYSTEM, venue.slug, { version: 3, note: "Second Note" });
    expect(noted).toMatchObject({ country: "Sweden", note: "Second Note", version: 4, slug: venue.slug });
    expect(await venueRow(venue.id)).toMatchObject({ searchText: "new hall\noslo\nsweden\nsecond note" });
    const cleared = await updateVenue(SYSTEM, venue.slug, { version: 4, note: "" });
    expect(cleared).toMatchObject({ note: null, version: 5 });
    expect(await venueRow(venue.id)).toMatchObject({ searchText: "new hall\noslo\nsweden", note: null });
    expect((await revisionsOf(venue.id)).slice(1).map((r) => r.changes)).toEqual([
      [{ field: "name", before: "Old Hall", after: "New Hall" }],
      [{ field: "country", before: "Norway", after: "Sweden" }],
      [{ field: "note", before: "First note", after: "Second Note" }],
      [{ field: "note", before: "Second Note", after: null }],
    ]);
  });

  it("writes nothing for an edit that changes nothing, and 404s for an unknown slug", async () => {
    const venue = await makeVenue({ city: "Oslo" });
    const same = await updateVenue(SYSTEM, venue.slug, { version: 1, city: "Oslo" });
    expect(same).toMatchObject({ version: 1, city: "Oslo" });
    expect(await revisionsOf(venue.id)).toHaveLength(1);
    await expect(updateVenue(SYSTEM, "nowhere", { version: 1, city: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Venue was not found",
    });
  });
});

describe("deleting and restoring a venue", () => {
  it("refuses while one live meeting was held there, in the singular; a deleted meeting does not count", async () => {
    const venue = await makeVenue({ name: "Villa" });
    const meeting = await makeMeeting({ venue: venue.slug });
    const before = await fingerprint();
    await expect(deleteVenue(SYSTEM, venue.slug)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Villa is still the venue of 1 meeting; merge it or move them to another venue first",
    });
    expect(await fingerprint()).toEqual(before);
    await deleteMeeting(SYSTEM, meeting.id);
    const deleted = await deleteVenue(SYSTEM, venue.slug);
    expect(deleted).toMatchObject({ version: 2, deletedAt: expect.any(String), mergedInto: null });
    const restored = await restoreVenue(SYSTEM, venue.slug);
    expect(restored).toMatchObject({ version: 3, deletedAt: null });
    expect((await revisionsOf(venue.id)).map((r) => r.action)).toEqual(["CREATE", "DELETE", "RESTORE"]);
  });

  it("is for admins, who are asked before the slug is looked up", async () => {
    const venue = await makeVenue();
    for (const call of [deleteVenue, restoreVenue]) {
      await expect(call(userActor("analyst"), "nowhere")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(call(SYSTEM, "nowhere")).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Venue was not found",
      });
    }
    const before = await fingerprint();
    await expect(deleteVenue(userActor("analyst"), venue.slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("merging venues", () => {
  it("moves the meetings (their version rising), deletes the duplicate and points it to the survivor", async () => {
    const dupe = await makeVenue({ name: "Old Palais" });
    const palais = await makeVenue({ name: "Palais", city: "Geneva", country: "Switzerland" });
    const held = await makeMeeting({ venue: dupe.slug });
    const elsewhere = await makeMeeting();
    const admin = await createUser(SYSTEM, {
      email: "merger@example.org",
      role: "admin",
      password: "a long test password",
    });
    const merged = await mergeVenue({ kind: "user", ...admin, via: "session" }, dupe.slug, { into: palais.slug });
    expect(merged).toMatchObject({
      id: dupe.id,
      version: 2,
      deletedAt: expect.any(String),
      meetingCount: 0,
      mergedInto: { slug: palais.slug, name: "Palais", city: "Geneva", country: "Switzerland" },
    });
    expect(await getMeetingOrThrow(SYSTEM, held.id)).toMatchObject({ version: 2, venue: { slug: palais.slug } });
    expect(await getMeetingOrThrow(SYSTEM, elsewhere.id)).toMatchObject({ version: 1, venue: null });
    expect((await revisionsOf(dupe.id)).at(-1)).toEqual({
      action: "MERGE",
      note: "Merged into Palais",
      changes: [{ field: "mergedInto", before: null, after: palais.slug }],
    });
    const db = await getDb();
    const revision = await db.revision.findFirstOrThrow({ where: { entityId: dupe.id, action: "MERGE" } });
    expect(revision.actorId).toBe(admin.id);
    await expect(restoreVenue(SYSTEM, dupe.slug)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Old Palais was merged into another venue; its meetings are there now",
    });
  });

  it("refuses an unknown or deleted venue on either side, itself, or a non-admin, changing nothing", async () => {
    const a = await makeVenue();
    const b = await makeVenue();
    const gone = await makeVenue();
    await deleteVenue(SYSTEM, gone.slug);
    const before = await fingerprint();
    await expect(mergeVenue(SYSTEM, a.slug, { into: a.slug })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "into", message: "Choose another venue: a venue cannot be merged into itself" }],
    });
    for (const into of ["nowhere", gone.slug]) {
      await expect(mergeVenue(SYSTEM, a.slug, { into })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "into", message: `Unknown venue "${into}"` }],
      });
    }
    for (const slug of ["nowhere", gone.slug]) {
      await expect(mergeVenue(SYSTEM, slug, { into: b.slug })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Venue was not found",
      });
    }
    await expect(mergeVenue(userActor("analyst"), a.slug, { into: b.slug })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("a venue, further", () => {
  it("moves to another city, by an analyst, and answers a stale version naming the venue", async () => {
    const venue = await makeVenue({ name: "City Hall", city: "Oslo", country: "Norway" });
    const analyst = await createUser(SYSTEM, {
      email: "venue-analyst@example.org",
      role: "analyst",
      password: "a long test password",
    });
    const moved = await updateVenue({ kind: "user", ...analyst, via: "session" }, venue.slug, {
      version: 1,
      city: "Bergen",
    });
    expect(moved).toMatchObject({ name: "City Hall", city: "Bergen", country: "Norway", version: 2 });
    expect(await venueRow(venue.id)).toMatchObject({ searchText: "city hall\nbergen\nnorway" });
    expect((await revisionsOf(venue.id)).at(-1)!.changes).toEqual([{ field: "city", before: "Oslo", after: "Bergen" }]);
    await expect(updateVenue(SYSTEM, venue.slug, { version: 1, city: "Tromsø" })).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Someone else changed this venue first (it is now at version 2); review their change and apply yours again",
    });
  });

  it("leaves an unchanged venue's updatedAt as it was", async () => {
    const venue = await makeVenue({ city: "Oslo" });
    const db = await getDb();
    const read = () => db.venue.findUniqueOrThrow({ where: { id: venue.id }, select: { updatedAt: true } });
    const before = await read();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await updateVenue(SYSTEM, venue.slug, { version: 1, city: "Oslo" });
    expect(await read()).toEqual(before);
  });

  it("is listed deleted, deleted and restored by an admin user; a deleted one is not found by a viewer", async () => {
    const admin = await createUser(SYSTEM, {
      email: "venue-admin@example.org",
      role: "admin",
      password: "a long test password",
    });
    const asAdmin = { kind: "user", ...admin, via: "session" } as const;
    const venue = await makeVenue();
    await deleteVenue(asAdmin, venue.slug);
    expect((await listVenues(asAdmin, { deleted: "1" })).map((v) => v.id)).toContain(venue.id);
    await expect(getVenueOrThrow(userActor("viewer"), venue.slug)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Venue was not found",
    });
    expect(await restoreVenue(asAdmin, venue.slug)).toMatchObject({ deletedAt: null });
  });

  it("refuses deletion naming the meetings in the plural, and a slug from a name and city without letters", async () => {
    const venue = await makeVenue({ name: "Busy" });
    await makeMeeting({ venue: venue.slug });
    await makeMeeting({ venue: venue.slug });
    await expect(deleteVenue(SYSTEM, venue.slug)).rejects.toMatchObject({
      message: "Busy is still the venue of 2 meetings; merge it or move them to another venue first",
    });
    await expect(createVenue(SYSTEM, { name: "!!!", city: "???", country: "Nowhere" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "slug", message: "Give a slug; the name and city have no letters to make one from" }],
    });
  });
});

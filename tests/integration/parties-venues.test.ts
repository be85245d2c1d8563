import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createUser } from "@/lib/server/users";
import { deleteGrievance, getGrievanceOrThrow } from "@/lib/server/grievances";
import { getMeetingOrThrow, listMeetings } from "@/lib/server/meetings";
import { deleteParty, getPartyOrThrow, listParties, mergeParty, restoreParty, updateParty } from "@/lib/server/parties";
import { deleteVenue, getVenueOrThrow, listVenues, mergeVenue, restoreVenue, updateVenue } from "@/lib/server/venues";
import { makeGrievance, makeMeeting, makeParty, makeVenue, userActor } from "../support/factories";

// Editing, deleting, restoring and merging parties and venues (issue 8). A refusal changes
// nothing: every one is checked against the row counts and the record as it was.

const as = (role: "viewer" | "analyst" | "admin") => userActor(role);

async function counts() {
  const db = await getDb();
  return {
    parties: await db.party.count({ where: { deletedAt: null } }),
    venues: await db.venue.count({ where: { deletedAt: null } }),
    grievanceParties: await db.grievanceParty.count(),
    participants: await db.meetingParticipant.count(),
    revisions: await db.revision.count(),
    versions: (await db.party.aggregate({ _sum: { version: true } }))._sum.version,
    venueVersions: (await db.venue.aggregate({ _sum: { version: true } }))._sum.version,
    meetingVenues: JSON.stringify(await db.meeting.findMany({ orderBy: { id: "asc" }, select: { venueId: true } })),
  };
}

async function revisionsOf(entity: string, entityId: string) {
  const db = await getDb();
  return db.revision.findMany({ where: { entity, entityId }, orderBy: { recordedAt: "asc" } });
}

describe("editing a party", () => {
  it("changes its name, short name and kind at the version seen; the slug stays", async () => {
    const party = await makeParty({ name: "Rusia", shortName: "RU" });
    const edited = await updateParty(SYSTEM, party.slug, { version: "1", name: "Russia", kind: "STATE" });
    expect(edited).toMatchObject({ slug: party.slug, name: "Russia", shortName: "RU", version: 2, deletedAt: null });
    const cleared = await updateParty(SYSTEM, party.slug, { version: 2, shortName: "", kind: "ORGANIZATION" });
    expect(cleared).toMatchObject({ name: "Russia", shortName: null, kind: "ORGANIZATION", version: 3 });
    expect((await listParties(SYSTEM)).find((p) => p.slug === party.slug)?.name).toBe("Russia");
    // The versioned core keeps what it said before (issue 8): one edit revision per save.
    const revisions = await revisionsOf("party", party.id);
    expect(revisions.map((r) => r.action)).toEqual(["CREATE", "EDIT", "EDIT"]);
    expect(JSON.parse(revisions[1]!.changes)).toEqual([{ field: "name", before: "Rusia", after: "Russia" }]);
  });

  it.each([
    ["a viewer", as("viewer"), { version: 1, name: "X" }, "FORBIDDEN"],
    ["a stale version", SYSTEM, { version: 7, name: "X" }, "CONFLICT"],
    ["an empty name", SYSTEM, { version: 1, name: " " }, "VALIDATION_FAILED"],
    ["no version", SYSTEM, { name: "X" }, "VALIDATION_FAILED"],
    ["a slug", SYSTEM, { version: 1, slug: "other" }, "VALIDATION_FAILED"],
  ])("refuses %s and changes nothing", async (_what, actor, input, code) => {
    const party = await makeParty();
    const before = await counts();
    await expect(updateParty(actor, party.slug, input)).rejects.toMatchObject({ code });
    expect(await counts()).toEqual(before);
    expect(await getPartyOrThrow(SYSTEM, party.slug)).toMatchObject({ name: party.name, version: 1 });
  });

  it("404s for a party that does not exist, or that is deleted", async () => {
    await expect(updateParty(SYSTEM, "atlantis", { version: 1, name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const party = await makeParty();
    await deleteParty(SYSTEM, party.slug);
    await expect(updateParty(SYSTEM, party.slug, { version: 2, name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("deleting and restoring a party", () => {
  it("refuses while live grievances name it, saying how many, and changes nothing", async () => {
    const party = await makeParty({ name: "Russia" });
    await makeGrievance({ raisedBy: [party.slug] });
    await makeGrievance({ addressedTo: [party.slug] });
    const gone = await makeGrievance({ raisedBy: [party.slug] });
    await deleteGrievance(SYSTEM, gone.id);
    const before = await counts();
    await expect(deleteParty(SYSTEM, party.slug)).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      message: "Russia is still named by 2 grievances; merge it or remove it from them first",
    });
    expect(await counts()).toEqual(before);
    expect(await getPartyOrThrow(SYSTEM, party.slug)).toMatchObject({ deletedAt: null, version: 1 });
  });

  it("counts meetings too, one of each in the singular", async () => {
    const party = await makeParty({ name: "Türkiye" });
    await makeGrievance({ raisedBy: [party.slug] });
    await makeMeeting({ participants: [{ party: party.slug }] });
    await expect(deleteParty(SYSTEM, party.slug)).rejects.toMatchObject({
      message: "Türkiye is still named by 1 grievance and 1 meeting; merge it or remove it from them first",
    });
  });

  it("hides an unnamed party from lists and pickers; admins see and restore it", async () => {
    const party = await makeParty();
    await expect(deleteParty(as("analyst"), party.slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const deleted = await deleteParty(SYSTEM, party.slug);
    expect(deleted.deletedAt).not.toBeNull();
    expect((await listParties(SYSTEM)).map((p) => p.slug)).not.toContain(party.slug);
    expect((await listParties(SYSTEM, { deleted: "1" })).map((p) => p.slug)).toContain(party.slug);
    await expect(listParties(as("analyst"), { deleted: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getPartyOrThrow(as("analyst"), party.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getPartyOrThrow(as("admin"), party.slug)).toMatchObject({ slug: party.slug });
    // A deleted party cannot be named by a new grievance.
    await expect(makeGrievance({ raisedBy: [party.slug] })).rejects.toMatchObject({
      issues: [{ path: "raisedBy.0", message: `Unknown party "${party.slug}"` }],
    });

    await expect(restoreParty(as("analyst"), party.slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await restoreParty(SYSTEM, party.slug)).toMatchObject({ deletedAt: null });
    expect((await listParties(SYSTEM)).map((p) => p.slug)).toContain(party.slug);
  });

  it("refuses a viewer's delete of an unknown slug as FORBIDDEN, not NOT_FOUND", async () => {
    await expect(deleteParty(as("viewer"), "atlantis")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteParty(SYSTEM, "atlantis")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("merging parties", () => {
  it("moves every reference to the survivor in one go, once where a record named both", async () => {
    const dupe = await makeParty({ name: "Rusia" });
    const russia = await makeParty({ name: "Russia" });
    const us = await makeParty({ name: "United States" });
    const onlyDupe = await makeGrievance({ raisedBy: [dupe.slug], addressedTo: [us.slug] });
    const both = await makeGrievance({ raisedBy: [dupe.slug, russia.slug], addressedTo: [us.slug] });
    const sides = await makeGrievance({ raisedBy: [dupe.slug], addressedTo: [russia.slug] });
    const met = await makeMeeting({
      participants: [{ party: dupe.slug, headOfDelegation: "A" }, { party: russia.slug }],
    });
    const metDupe = await makeMeeting({ participants: [{ party: dupe.slug, role: "HOST" }] });

    await expect(mergeParty(as("analyst"), dupe.slug, { into: russia.slug })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const merged = await mergeParty(SYSTEM, dupe.slug, { into: russia.slug });
    expect(merged).toMatchObject({ slug: dupe.slug, mergedInto: { slug: russia.slug }, deletedAt: expect.any(String) });

    const slugs = (refs: Array<{ slug: string }>) => refs.map((r) => r.slug).sort();
    const g1 = await getGrievanceOrThrow(SYSTEM, onlyDupe.id);
    expect(slugs(g1.raisedBy)).toEqual([russia.slug]);
    expect(g1.version).toBe(onlyDupe.version + 1);
    expect(slugs((await getGrievanceOrThrow(SYSTEM, both.id)).raisedBy)).toEqual([russia.slug]);
    const g3 = await getGrievanceOrThrow(SYSTEM, sides.id);
    expect([slugs(g3.raisedBy), slugs(g3.addressedTo)]).toEqual([[russia.slug], [russia.slug]]);
    // Where both attended, the survivor's own row stays.
    expect((await getMeetingOrThrow(SYSTEM, met.id)).participants).toEqual([
      { party: expect.objectContaining({ slug: russia.slug }), role: "DELEGATION", headOfDelegation: null },
    ]);
    expect((await getMeetingOrThrow(SYSTEM, metDupe.id)).participants).toMatchObject([
      { party: { slug: russia.slug }, role: "HOST" },
    ]);
    const db = await getDb();
    const dupeRow = await db.party.findUniqueOrThrow({ where: { slug: dupe.slug } });
    expect(await db.grievanceParty.count({ where: { partyId: dupeRow.id } })).toBe(0);
    expect(await db.meetingParticipant.count({ where: { partyId: dupeRow.id } })).toBe(0);
    expect(dupeRow.mergedIntoId).toBe(russia.id);

    const revisions = await revisionsOf("party", dupeRow.id);
    expect(revisions.at(-1)).toMatchObject({ action: "MERGE", note: "Merged into Russia" });
    expect(JSON.parse(revisions.at(-1)!.changes)).toEqual([{ field: "mergedInto", before: null, after: russia.slug }]);

    expect((await listParties(SYSTEM)).map((p) => p.slug)).not.toContain(dupe.slug);
    expect((await listMeetings(SYSTEM, { party: russia.slug })).total).toBe(2);
    await expect(restoreParty(SYSTEM, dupe.slug)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it.each([
    ["into itself", (slug: string) => ({ into: slug }), "VALIDATION_FAILED", "into"],
    ["into an unknown party", () => ({ into: "atlantis" }), "VALIDATION_FAILED", "into"],
    ["without a survivor", () => ({}), "VALIDATION_FAILED", "into"],
  ])("refuses a merge %s and changes nothing", async (_what, body, code, path) => {
    const party = await makeParty();
    await makeGrievance({ raisedBy: [party.slug] });
    const before = await counts();
    await expect(mergeParty(SYSTEM, party.slug, body(party.slug))).rejects.toMatchObject({
      code,
      issues: [expect.objectContaining({ path })],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a merge into a deleted party, and of a deleted one, changing nothing", async () => {
    const gone = await makeParty();
    await deleteParty(SYSTEM, gone.slug);
    const party = await makeParty();
    await makeGrievance({ raisedBy: [party.slug] });
    const before = await counts();
    await expect(mergeParty(SYSTEM, party.slug, { into: gone.slug })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    await expect(mergeParty(SYSTEM, gone.slug, { into: party.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
  });
});

describe("venues", () => {
  it("are edited at the version seen; a stale version or a viewer changes nothing", async () => {
    const venue = await makeVenue({ note: "Unsure" });
    const before = await counts();
    await expect(updateVenue(SYSTEM, venue.slug, { version: 5, city: "Bern" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(updateVenue(as("viewer"), venue.slug, { version: 1, city: "Bern" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(updateVenue(SYSTEM, venue.slug, { version: 1, country: "" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await counts()).toEqual(before);
    const analyst = await createUser(SYSTEM, {
      email: "analyst@example.org",
      role: "analyst",
      password: "a long password",
    });
    const edited = await updateVenue({ ...as("analyst"), id: analyst.id }, venue.slug, {
      version: 1,
      city: "Bern",
      note: "",
    });
    expect(edited).toMatchObject({ slug: venue.slug, city: "Bern", note: null, version: 2 });
  });

  it("refuse deletion while live meetings were held there, saying how many", async () => {
    const venue = await makeVenue({ name: "Palais" });
    await makeMeeting({ venue: venue.slug });
    await makeMeeting({ venue: venue.slug });
    const before = await counts();
    await expect(deleteVenue(SYSTEM, venue.slug)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Palais is still the venue of 2 meetings; merge it or move them to another venue first",
    });
    expect(await counts()).toEqual(before);
  });

  it("are deleted (hidden from lists) and restored by admins", async () => {
    const venue = await makeVenue();
    await expect(deleteVenue(as("analyst"), venue.slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteVenue(SYSTEM, venue.slug);
    expect((await listVenues(SYSTEM)).map((v) => v.slug)).not.toContain(venue.slug);
    expect((await listVenues(SYSTEM, { deleted: "1" })).map((v) => v.slug)).toContain(venue.slug);
    await expect(getVenueOrThrow(as("viewer"), venue.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(makeMeeting({ venue: venue.slug })).rejects.toMatchObject({ issues: [{ path: "venue" }] });
    await restoreVenue(SYSTEM, venue.slug);
    expect((await listVenues(SYSTEM)).map((v) => v.slug)).toContain(venue.slug);
  });

  it("merge: the meetings move to the survivor, the merged venue keeps a revision pointing to it", async () => {
    const dupe = await makeVenue({ name: "Palais des Nations (old)" });
    const palais = await makeVenue({ name: "Palais des Nations" });
    const held = await makeMeeting({ venue: dupe.slug });
    await expect(mergeVenue(SYSTEM, dupe.slug, { into: dupe.slug })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "into" })],
    });
    const merged = await mergeVenue(SYSTEM, dupe.slug, { into: palais.slug });
    expect(merged).toMatchObject({ mergedInto: { slug: palais.slug }, meetingCount: 0 });
    expect((await getMeetingOrThrow(SYSTEM, held.id)).venue?.slug).toBe(palais.slug);
    expect(await getVenueOrThrow(SYSTEM, palais.slug)).toMatchObject({ meetingCount: 1 });
    const revisions = await revisionsOf("venue", merged.id);
    expect(revisions.at(-1)).toMatchObject({ action: "MERGE", note: "Merged into Palais des Nations" });
    await expect(restoreVenue(SYSTEM, dupe.slug)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

import { describe, expect, it } from "vitest";
import { GET as listParties, POST as createParty } from "@/app/api/v1/parties/route";
import { POST as mergePartyRoute } from "@/app/api/v1/parties/[slug]/merge/route";
import { POST as restorePartyRoute } from "@/app/api/v1/parties/[slug]/restore/route";
import { DELETE as deletePartyRoute, PATCH as patchParty, GET as readParty } from "@/app/api/v1/parties/[slug]/route";
import { GET as listVenues, POST as createVenue } from "@/app/api/v1/venues/route";
import { POST as mergeVenueRoute } from "@/app/api/v1/venues/[slug]/merge/route";
import { POST as restoreVenueRoute } from "@/app/api/v1/venues/[slug]/restore/route";
import { DELETE as deleteVenueRoute, PATCH as patchVenue, GET as readVenue } from "@/app/api/v1/venues/[slug]/route";
import { PartyDetailSchema, PartyListSchema, PartySummarySchema } from "@/lib/schemas/party";
import { VenueDetailSchema, VenueListSchema, VenueSummarySchema } from "@/lib/schemas/venue";
import { makeGrievance, makeMeeting, makeParty, makeVenue } from "../support/factories";
import { getDb } from "@/lib/server/db";
import { expectError, getRequest, jsonRequest, noParams, params, readJson } from "./support";

async function counts() {
  const db = await getDb();
  return { parties: await db.party.count(), venues: await db.venue.count() };
}

describe("parties", () => {
  it("creates a party (201, Location, slug made from the name), lists and reads it", async () => {
    const response = await createParty(
      jsonRequest("POST", "/api/v1/parties", { name: "Türkiye", shortName: "TR" }),
      noParams,
    );
    expect(response.status).toBe(201);
    const party = PartySummarySchema.parse(await readJson(response));
    expect(party).toMatchObject({ slug: "turkiye", name: "Türkiye", shortName: "TR", kind: "STATE" });
    expect(response.headers.get("location")).toBe("/api/v1/parties/turkiye");

    const list = PartyListSchema.parse(await readJson(await listParties(getRequest("/api/v1/parties"), noParams)));
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((p) => p.slug)).toContain("turkiye");

    const read = await readParty(getRequest("/api/v1/parties/turkiye"), params({ slug: "turkiye" }));
    expect(read.status).toBe(200);
    expect(PartyDetailSchema.parse(await readJson(read))).toMatchObject({ slug: "turkiye", name: "Türkiye" });
  });

  it.each([
    ["an empty name", { name: " " }, "name"],
    ["a bad slug", { name: "Atlantis", slug: "Not a slug" }, "slug"],
    ["an unknown kind", { name: "Atlantis", kind: "EMPIRE" }, "kind"],
    ["an unknown field", { name: "Atlantis", flag: "blue" }, "flag"],
  ])("refuses %s with 400 and writes nothing", async (_what, body, path) => {
    const before = await counts();
    await expectError(
      await createParty(jsonRequest("POST", "/api/v1/parties", body), noParams),
      400,
      "VALIDATION_FAILED",
      path,
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses a duplicate slug", async () => {
    await createParty(jsonRequest("POST", "/api/v1/parties", { name: "Russia" }), noParams);
    const before = await counts();
    await expectError(
      await createParty(jsonRequest("POST", "/api/v1/parties", { name: "Russia" }), noParams),
      400,
      "VALIDATION_FAILED",
      "name",
    );
    expect(await counts()).toEqual(before);
  });

  it("404s for an unknown or malformed slug", async () => {
    for (const slug of ["atlantis", "--", "a/b"]) {
      await expectError(await readParty(getRequest("/api/v1/parties/x"), params({ slug })), 404, "NOT_FOUND");
    }
  });

  it("refuses query parameters the list does not take", async () => {
    await expectError(
      await listParties(getRequest("/api/v1/parties?kind=STATE"), noParams),
      400,
      "VALIDATION_FAILED",
      "kind",
    );
  });
});

describe("venues", () => {
  it("creates a venue (201, Location), lists and reads it", async () => {
    const response = await createVenue(
      jsonRequest("POST", "/api/v1/venues", {
        name: "Russian Consulate General",
        city: "İstanbul",
        country: "Türkiye",
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    const venue = VenueSummarySchema.parse(await readJson(response));
    expect(venue.slug).toBe("russian-consulate-general-istanbul");
    expect(response.headers.get("location")).toBe(`/api/v1/venues/${venue.slug}`);

    const list = VenueListSchema.parse(await readJson(await listVenues(getRequest("/api/v1/venues"), noParams)));
    expect(list.items.map((v) => v.slug)).toEqual([venue.slug]);

    const read = await readVenue(getRequest(`/api/v1/venues/${venue.slug}`), params({ slug: venue.slug }));
    expect(VenueDetailSchema.parse(await readJson(read))).toMatchObject(venue);
  });

  it("refuses a venue without a city, naming it, and writes nothing", async () => {
    const before = await counts();
    const response = await createVenue(
      jsonRequest("POST", "/api/v1/venues", { name: "Somewhere", country: "Austria" }),
      noParams,
    );
    await expectError(response, 400, "VALIDATION_FAILED", "city");
    expect(await counts()).toEqual(before);
  });

  it("404s for an unknown venue", async () => {
    await expectError(
      await readVenue(getRequest("/api/v1/venues/nowhere"), params({ slug: "nowhere" })),
      404,
      "NOT_FOUND",
    );
  });
});

async function dbCounts() {
  const db = await getDb();
  return {
    liveParties: await db.party.count({ where: { deletedAt: null } }),
    liveVenues: await db.venue.count({ where: { deletedAt: null } }),
    grievanceParties: await db.grievanceParty.count(),
    revisions: await db.revision.count(),
  };
}

describe("editing, deleting, restoring and merging parties", () => {
  it("PATCH edits with the version seen; a stale one is a 409 carrying the party as it stands", async () => {
    const party = await makeParty({ name: "Rusia" });
    const path = `/api/v1/parties/${party.slug}`;
    const response = await patchParty(
      jsonRequest("PATCH", path, { version: 1, name: "Russia" }),
      params({ slug: party.slug }),
    );
    expect(response.status).toBe(200);
    expect(PartyDetailSchema.parse(await readJson(response))).toMatchObject({ name: "Russia", version: 2 });
    const before = await dbCounts();
    const stale = await expectError(
      await patchParty(jsonRequest("PATCH", path, { version: 1, name: "Russland" }), params({ slug: party.slug })),
      409,
      "CONFLICT",
    );
    expect(stale.error.current).toMatchObject({ name: "Russia", version: 2 });
    await expectError(
      await patchParty(jsonRequest("PATCH", path, { version: 2, slug: "x" }), params({ slug: party.slug })),
      400,
      "VALIDATION_FAILED",
      "slug",
    );
    expect(await dbCounts()).toEqual(before);
  });

  it("DELETE is a 409 saying how many live grievances name it; an unnamed one is deleted and restored", async () => {
    const named = await makeParty({ name: "Russia" });
    await makeGrievance({ raisedBy: [named.slug] });
    await makeGrievance({ raisedBy: [named.slug] });
    await makeGrievance({ addressedTo: [named.slug] });
    await makeGrievance({ addressedTo: [named.slug] });
    const before = await dbCounts();
    const refused = await expectError(
      await deletePartyRoute(jsonRequest("DELETE", `/api/v1/parties/${named.slug}`, {}), params({ slug: named.slug })),
      409,
      "CONFLICT",
    );
    expect(refused.error.message).toBe("Russia is still named by 4 grievances; merge it or remove it from them first");
    expect(await dbCounts()).toEqual(before);

    const lone = await makeParty();
    const deleted = await deletePartyRoute(
      jsonRequest("DELETE", `/api/v1/parties/${lone.slug}`, {}),
      params({ slug: lone.slug }),
    );
    expect(PartyDetailSchema.parse(await readJson(deleted)).deletedAt).not.toBeNull();
    const live = PartyListSchema.parse(await readJson(await listParties(getRequest("/api/v1/parties"), noParams)));
    expect(live.items.map((p) => p.slug)).not.toContain(lone.slug);
    const gone = PartyListSchema.parse(
      await readJson(await listParties(getRequest("/api/v1/parties?deleted=1"), noParams)),
    );
    expect(gone.items.map((p) => p.slug)).toEqual([lone.slug]);
    const restored = await restorePartyRoute(
      jsonRequest("POST", `/api/v1/parties/${lone.slug}/restore`, {}),
      params({ slug: lone.slug }),
    );
    expect(PartyDetailSchema.parse(await readJson(restored)).deletedAt).toBeNull();
  });

  it("POST …/merge moves the references to the survivor and answers the merged party", async () => {
    const dupe = await makeParty({ name: "Rusia" });
    const russia = await makeParty({ name: "Russia" });
    const grievance = await makeGrievance({ raisedBy: [dupe.slug, russia.slug] });
    await makeMeeting({ participants: [{ party: dupe.slug }, { party: russia.slug }] });
    const path = `/api/v1/parties/${dupe.slug}/merge`;
    const before = await dbCounts();
    await expectError(
      await mergePartyRoute(jsonRequest("POST", path, { into: "atlantis" }), params({ slug: dupe.slug })),
      400,
      "VALIDATION_FAILED",
      "into",
    );
    expect(await dbCounts()).toEqual(before);
    const response = await mergePartyRoute(
      jsonRequest("POST", path, { into: russia.slug }),
      params({ slug: dupe.slug }),
    );
    expect(response.status).toBe(200);
    const merged = PartyDetailSchema.parse(await readJson(response));
    expect(merged).toMatchObject({ mergedInto: { slug: russia.slug }, deletedAt: expect.any(String) });
    const read = await readJson(
      await readParty(getRequest(`/api/v1/parties/${russia.slug}`), params({ slug: russia.slug })),
    );
    expect(read.slug).toBe(russia.slug);
    const db = await getDb();
    expect(await db.grievanceParty.count({ where: { grievanceId: grievance.id } })).toBe(2);
  });
});

describe("editing, deleting and merging venues", () => {
  it("PATCH edits, DELETE refuses while meetings were held there, merge moves them", async () => {
    const dupe = await makeVenue({ name: "Palais" });
    const palais = await makeVenue({ name: "Palais des Nations" });
    const edited = await patchVenue(
      jsonRequest("PATCH", `/api/v1/venues/${dupe.slug}`, { version: 1, note: "Duplicate" }),
      params({ slug: dupe.slug }),
    );
    expect(VenueDetailSchema.parse(await readJson(edited))).toMatchObject({ note: "Duplicate", version: 2 });
    await makeMeeting({ venue: dupe.slug });
    const before = await dbCounts();
    const refused = await expectError(
      await deleteVenueRoute(jsonRequest("DELETE", `/api/v1/venues/${dupe.slug}`, {}), params({ slug: dupe.slug })),
      409,
      "CONFLICT",
    );
    expect(refused.error.message).toBe(
      "Palais is still the venue of 1 meeting; merge it or move them to another venue first",
    );
    expect(await dbCounts()).toEqual(before);
    const merged = await mergeVenueRoute(
      jsonRequest("POST", `/api/v1/venues/${dupe.slug}/merge`, { into: palais.slug }),
      params({ slug: dupe.slug }),
    );
    expect(VenueDetailSchema.parse(await readJson(merged))).toMatchObject({ mergedInto: { slug: palais.slug } });
    const survivor = await readVenue(getRequest(`/api/v1/venues/${palais.slug}`), params({ slug: palais.slug }));
    expect(VenueDetailSchema.parse(await readJson(survivor)).meetingCount).toBe(1);
    await expectError(
      await restoreVenueRoute(
        jsonRequest("POST", `/api/v1/venues/${dupe.slug}/restore`, {}),
        params({ slug: dupe.slug }),
      ),
      409,
      "CONFLICT",
    );
  });
});

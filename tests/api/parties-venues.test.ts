import { describe, expect, it } from "vitest";
import { GET as listParties, POST as createParty } from "@/app/api/v1/parties/route";
import { GET as readParty } from "@/app/api/v1/parties/[slug]/route";
import { GET as listVenues, POST as createVenue } from "@/app/api/v1/venues/route";
import { GET as readVenue } from "@/app/api/v1/venues/[slug]/route";
import { PartyDetailSchema, PartyListSchema, PartySummarySchema } from "@/lib/schemas/party";
import { VenueListSchema, VenueSummarySchema } from "@/lib/schemas/venue";
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

  it("refuses query parameters on the list, which takes none", async () => {
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
    expect(VenueSummarySchema.parse(await readJson(read))).toEqual(venue);
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

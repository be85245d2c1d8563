import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createParty } from "@/lib/server/parties";
import { createVenue } from "@/lib/server/venues";
import { userActor } from "../support/factories";

// Creating a record URLs name by a slug (lib/server/slugged.ts, behind createParty and
// createVenue): where the slug comes from, what a taken or impossible slug answers and on which
// field, and the create revision written with the record.

const as = (role: "viewer" | "analyst") => userActor(role, "session");

describe("createSlugged", () => {
  it("makes the slug from the name unless the input gives one", async () => {
    expect(await createParty(SYSTEM, { name: "Côte d'Ivoire" })).toMatchObject({ slug: "cote-d-ivoire" });
    expect(await createParty(SYSTEM, { name: "Ivory Coast", slug: "ivory" })).toMatchObject({ slug: "ivory" });
    expect(await createVenue(SYSTEM, { name: "Palais", city: "Genève", country: "CH" })).toMatchObject({
      slug: "palais-geneve",
    });
  });

  it("answers a taken slug on the field it came from, naming the record's kind", async () => {
    await createParty(SYSTEM, { name: "Taken" });
    await expect(createParty(SYSTEM, { name: "Taken" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: 'slug: A party with the slug "taken" exists',
      issues: [{ path: "name", message: 'A party with the slug "taken" exists' }],
    });
    await expect(createParty(SYSTEM, { name: "Something else", slug: "taken" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: 'slug: A party with the slug "taken" exists',
      issues: [{ path: "slug", message: 'A party with the slug "taken" exists' }],
    });
    await createVenue(SYSTEM, { name: "Hall", city: "Oslo", country: "NO" });
    await expect(createVenue(SYSTEM, { name: "Hall", city: "Oslo", country: "NO" })).rejects.toMatchObject({
      message: 'slug: A venue with the slug "hall-oslo" exists',
      issues: [{ path: "name", message: 'A venue with the slug "hall-oslo" exists' }],
    });
    const db = await getDb();
    expect(await db.party.count({ where: { slug: "taken" } })).toBe(1);
  });

  it("refuses a name with no letters to make a slug from, on the slug", async () => {
    await expect(createParty(SYSTEM, { name: "!!!" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "slug", message: "Give a slug; the name has no letters to make one from" }],
    });
    await expect(createVenue(SYSTEM, { name: "***", city: "—", country: "XX" })).rejects.toMatchObject({
      issues: [{ path: "slug", message: "Give a slug; the name and city have no letters to make one from" }],
    });
    const db = await getDb();
    expect(await db.party.count({ where: { name: "!!!" } })).toBe(0);
  });

  it("needs write permission and a valid input", async () => {
    await expect(createParty(as("viewer"), { name: "Viewer's" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createParty(null, { name: "Nobody's" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createParty(SYSTEM, { name: "" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const db = await getDb();
    expect(await db.party.count({ where: { name: { in: ["Viewer's", "Nobody's"] } } })).toBe(0);
  });

  it("writes the create revision with the record, by the actor, in the mutation's context", async () => {
    const db = await getDb();
    const party = await createParty(SYSTEM, { name: "Revised" });
    const revisions = await db.revision.findMany({ where: { entity: "party", entityId: party.id } });
    expect(revisions).toMatchObject([{ action: "CREATE", actorId: null, seed: false }]);
    expect(JSON.parse(revisions[0]!.changes)).toContainEqual({ field: "name", before: null, after: "Revised" });

    const at = new Date("2020-02-02T02:02:02.000Z");
    const seeded = await createParty(SYSTEM, { name: "Seeded" }, { seed: true, at });
    expect(await db.revision.findMany({ where: { entityId: seeded.id } })).toMatchObject([
      { action: "CREATE", seed: true, recordedAt: at },
    ]);
  });
});

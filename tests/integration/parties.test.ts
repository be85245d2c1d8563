import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createGrievance, deleteGrievance, getGrievanceOrThrow } from "@/lib/server/grievances";
import { createMeeting, deleteMeeting, getMeetingOrThrow } from "@/lib/server/meetings";
import {
  createParty,
  deleteParty,
  getPartyOrThrow,
  listParties,
  listPartyOptions,
  mergeParty,
  restoreParty,
  updateParty,
} from "@/lib/server/parties";
import { makeGrievance, makeMeeting, makeParty, userActor } from "../support/factories";
import { fingerprint } from "../support/fingerprint";
import { storedRevisions } from "../support/revisions";

// lib/server/parties.ts beyond parties-venues.test.ts: a party as created, listed, picked and read,
// with its counts; its search text through edits; how unknown slugs are reported; and the rules of
// deleting, restoring and merging.

async function partyRow(slug: string) {
  const db = await getDb();
  return db.party.findUniqueOrThrow({ where: { slug }, select: { id: true, searchText: true, version: true } });
}

const revisionsOf = (entityId: string) => storedRevisions("party", entityId);

describe("creating a party", () => {
  it("makes its slug from the name, a state unless told, with its search text and a create revision", async () => {
    const party = await createParty(SYSTEM, { name: "Türkiye", shortName: "TR" });
    expect(party).toEqual({
      id: expect.any(String),
      slug: "turkiye",
      name: "Türkiye",
      shortName: "TR",
      kind: "STATE",
      raisedCount: 0,
      addressedCount: 0,
      meetingCount: 0,
    });
    expect(await partyRow("turkiye")).toMatchObject({ searchText: "turkiye tr", version: 1 });
    expect(await revisionsOf(party.id)).toEqual([
      {
        action: "CREATE",
        note: null,
        changes: [
          { field: "name", before: null, after: "Türkiye" },
          { field: "shortName", before: null, after: "TR" },
          { field: "kind", before: null, after: "STATE" },
        ],
      },
    ]);
    const org = await createParty(SYSTEM, { name: "Red Cross", slug: "icrc", kind: "ORGANIZATION" });
    expect(org).toMatchObject({ slug: "icrc", shortName: null, kind: "ORGANIZATION" });
    expect(await partyRow("icrc")).toMatchObject({ searchText: "red cross" });
    await expect(createParty(SYSTEM, { name: "Turkiye" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "name", message: 'A party with the slug "turkiye" exists' }],
    });
  });
});

describe("listing, picking and reading parties", () => {
  it("lists the live ones by name, with the live grievances raising and addressed to each and its live meetings", async () => {
    const zed = await makeParty({ name: "Zed Land" });
    const ann = await makeParty({ name: "Ann Land" });
    await makeGrievance({ raisedBy: [ann.slug], addressedTo: [zed.slug] });
    await makeGrievance({ raisedBy: [ann.slug], addressedTo: [zed.slug] });
    await makeGrievance({ raisedBy: [zed.slug], addressedTo: [ann.slug] });
    const gone = await makeGrievance({ raisedBy: [ann.slug], addressedTo: [zed.slug] });
    await deleteGrievance(SYSTEM, gone.id);
    await makeMeeting({ participants: [{ party: zed.slug }] });
    const goneMeeting = await makeMeeting({ participants: [{ party: zed.slug }, { party: ann.slug }] });
    await deleteMeeting(SYSTEM, goneMeeting.id);
    const listed = (await listParties(userActor("viewer"))).filter((p) => [zed.id, ann.id].includes(p.id));
    expect(listed).toEqual([
      {
        id: ann.id,
        slug: ann.slug,
        name: "Ann Land",
        shortName: null,
        kind: "STATE",
        raisedCount: 2,
        addressedCount: 1,
        meetingCount: 0,
      },
      {
        id: zed.id,
        slug: zed.slug,
        name: "Zed Land",
        shortName: null,
        kind: "STATE",
        raisedCount: 1,
        addressedCount: 2,
        meetingCount: 1,
      },
    ]);
  });

  it("offers the live ones by name, slug and name only, in the picker", async () => {
    const b = await makeParty({ name: "Bb picker" });
    const a = await makeParty({ name: "Aa picker" });
    const gone = await makeParty({ name: "Ab picker" });
    await deleteParty(SYSTEM, gone.slug);
    const options = (await listPartyOptions(userActor("viewer"))).filter((o) => o.name.endsWith(" picker"));
    expect(options).toEqual([
      { slug: a.slug, name: "Aa picker" },
      { slug: b.slug, name: "Bb picker" },
    ]);
    await expect(listPartyOptions(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("reads one with every field; an unknown slug is not found", async () => {
    const party = await makeParty({ name: "Read Land", shortName: "RL" });
    const db = await getDb();
    const { createdAt } = await db.party.findUniqueOrThrow({ where: { id: party.id }, select: { createdAt: true } });
    expect(await getPartyOrThrow(userActor("viewer"), party.slug)).toEqual({
      id: party.id,
      slug: party.slug,
      name: "Read Land",
      shortName: "RL",
      kind: "STATE",
      createdAt: createdAt.toISOString(),
      version: 1,
      deletedAt: null,
      mergedInto: null,
    });
    await expect(getPartyOrThrow(SYSTEM, "atlantis")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Party was not found",
    });
    await expect(getPartyOrThrow(null, party.slug)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("naming parties by slug", () => {
  it("reports each unknown or deleted slug at its place, the first one as the message", async () => {
    const known = await makeParty();
    const gone = await makeParty();
    await deleteParty(SYSTEM, gone.slug);
    const before = await fingerprint();
    await expect(
      createGrievance(SYSTEM, {
        title: "Named wrongly",
        category: "OTHER",
        raisedAt: "2024-01-01",
        raisedBy: [known.slug, "atlantis", gone.slug],
        addressedTo: [known.slug],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: 'Unknown party "atlantis"',
      issues: [
        { path: "raisedBy.1", message: 'Unknown party "atlantis"' },
        { path: "raisedBy.2", message: `Unknown party "${gone.slug}"` },
      ],
    });
    await expect(
      createMeeting(SYSTEM, { title: "Met nobody", participants: [{ party: "atlantis" }] }),
    ).rejects.toMatchObject({
      issues: [{ path: "participants.0", message: 'Unknown party "atlantis"' }],
    });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("editing a party", () => {
  it("keeps its search text whole: the name with the short name, either edited alone, the short name cleared", async () => {
    const party = await makeParty({ name: "Old Name", shortName: "ON" });
    const renamed = await updateParty(SYSTEM, party.slug, { version: 1, name: "New Name" });
    expect(renamed).toMatchObject({ name: "New Name", shortName: "ON", kind: "STATE", version: 2 });
    expect(await partyRow(party.slug)).toMatchObject({ searchText: "new name on" });
    const shortened = await updateParty(SYSTEM, party.slug, { version: 2, shortName: "NN" });
    expect(shortened).toMatchObject({ name: "New Name", shortName: "NN", version: 3 });
    expect(await partyRow(party.slug)).toMatchObject({ searchText: "new name nn" });
    const kind = await updateParty(SYSTEM, party.slug, { version: 3, kind: "ORGANIZATION" });
    expect(kind).toMatchObject({ name: "New Name", shortName: "NN", kind: "ORGANIZATION", version: 4 });
    const cleared = await updateParty(SYSTEM, party.slug, { version: 4, shortName: "" });
    expect(cleared).toMatchObject({ shortName: null, version: 5 });
    expect(await partyRow(party.slug)).toMatchObject({ searchText: "new name" });
    expect((await revisionsOf(party.id)).slice(1).map((r) => r.changes)).toEqual([
      [{ field: "name", before: "Old Name", after: "New Name" }],
      [{ field: "shortName", before: "ON", after: "NN" }],
      [{ field: "kind", before: "STATE", after: "ORGANIZATION" }],
      [{ field: "shortName", before: "NN", after: null }],
    ]);
  });
});

describe("deleting and restoring a party", () => {
  it("refuses while live meetings name it, in the plural; a deleted meeting does not count", async () => {
    const party = await makeParty({ name: "Host Land" });
    const first = await makeMeeting({ participants: [{ party: party.slug, role: "HOST" }] });
    const second = await makeMeeting({ participants: [{ party: party.slug }] });
    const before = await fingerprint();
    await expect(deleteParty(SYSTEM, party.slug)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Host Land is still named by 2 meetings; merge it or remove it from them first",
    });
    expect(await fingerprint()).toEqual(before);
    await deleteMeeting(SYSTEM, first.id);
    await expect(deleteParty(SYSTEM, party.slug)).rejects.toMatchObject({
      message: "Host Land is still named by 1 meeting; merge it or remove it from them first",
    });
    await deleteMeeting(SYSTEM, second.id);
    const deleted = await deleteParty(SYSTEM, party.slug);
    expect(deleted).toMatchObject({ version: 2, deletedAt: expect.any(String), mergedInto: null });
    const restored = await restoreParty(SYSTEM, party.slug);
    expect(restored).toMatchObject({ version: 3, deletedAt: null });
    expect((await revisionsOf(party.id)).map((r) => r.action)).toEqual(["CREATE", "DELETE", "RESTORE"]);
  });

  it("asks for an admin before looking the slug up, for a restore too", async () => {
    await expect(restoreParty(userActor("viewer"), "atlantis")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(restoreParty(SYSTEM, "atlantis")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Party was not found",
    });
  });
});

describe("merging a party", () => {
  it("raises the version of the meetings and grievances that named it, and only theirs", async () => {
    const dupe = await makeParty({ name: "Dupe Land" });
    const keep = await makeParty({ name: "Kept Land" });
    const named = await makeGrievance({ raisedBy: [dupe.slug] });
    const other = await makeGrievance({ raisedBy: [keep.slug] });
    const attended = await makeMeeting({
      participants: [{ party: dupe.slug, role: "OBSERVER", headOfDelegation: "D" }],
    });
    const elsewhere = await makeMeeting({ participants: [{ party: keep.slug }] });
    const merged = await mergeParty(SYSTEM, dupe.slug, { into: keep.slug });
    expect(merged).toMatchObject({
      id: dupe.id,
      version: 2,
      mergedInto: { slug: keep.slug, name: "Kept Land", shortName: null },
    });
    expect(await getGrievanceOrThrow(SYSTEM, named.id)).toMatchObject({ version: 2 });
    expect(await getGrievanceOrThrow(SYSTEM, other.id)).toMatchObject({ version: 1 });
    const moved = await getMeetingOrThrow(SYSTEM, attended.id);
    expect(moved).toMatchObject({ version: 2 });
    // Where only the duplicate attended, its row moves with its role and head of delegation.
    expect(moved.participants.map((p) => [p.party.slug, p.role, p.headOfDelegation])).toEqual([
      [keep.slug, "OBSERVER", "D"],
    ]);
    expect(await getMeetingOrThrow(SYSTEM, elsewhere.id)).toMatchObject({ version: 1 });
    expect((await revisionsOf(dupe.id)).at(-1)).toEqual({
      action: "MERGE",
      note: "Merged into Kept Land",
      changes: [{ field: "mergedInto", before: null, after: keep.slug }],
    });
    await expect(restoreParty(SYSTEM, dupe.slug)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Dupe Land was merged into another party; its references are there now",
    });
  });

  it("refuses with messages that say why", async () => {
    const party = await makeParty();
    const gone = await makeParty();
    await deleteParty(SYSTEM, gone.slug);
    const before = await fingerprint();
    await expect(mergeParty(SYSTEM, party.slug, { into: party.slug })).rejects.toMatchObject({
      issues: [{ path: "into", message: "Choose another party: a party cannot be merged into itself" }],
    });
    for (const into of ["atlantis", gone.slug]) {
      await expect(mergeParty(SYSTEM, party.slug, { into })).rejects.toMatchObject({
        issues: [{ path: "into", message: `Unknown party "${into}"` }],
      });
    }
    await expect(mergeParty(SYSTEM, "atlantis", { into: party.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Party was not found",
    });
    expect(await fingerprint()).toEqual(before);
  });
});

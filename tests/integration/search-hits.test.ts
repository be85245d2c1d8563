import { beforeAll, describe, expect, it } from "vitest";
import { PARTY_KIND_LABELS } from "@/lib/schemas/enums";
import type { SearchHit, SearchKind } from "@/lib/schemas/search";
import { SYSTEM } from "@/lib/server/authz";
import { deleteGrievance, getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";
import { searchEverything } from "@/lib/server/search";
import { makeGrievance, makeMeeting, makeParty, makeVenue, userActor } from "@/tests/support/factories";

// What search everywhere answers for each hit (lib/server/search.ts), whole: its link, its detail
// line, the snippet that shows why it matched, its order in the group. search-everywhere.test.ts
// asks which records are found; this file, what an analyst reads of each.

const viewer = userActor("viewer");

async function group(kind: SearchKind, q: string, actor = viewer): Promise<SearchHit[]> {
  const result = await searchEverything(actor, { q, kind });
  const [only] = result.groups;
  expect(only!.count).toBe(only!.items.length);
  return only!.items;
}

let ids: Record<string, string>;
let partyKinds: Record<string, string>;
let sourceTitle: string;

beforeAll(async () => {
  const [alliance, assembly] = [
    await makeParty({ name: "Zephyr Alliance", shortName: "ZA", kind: "ORGANIZATION" }),
    await makeParty({ name: "Assembly of Zephyr", kind: "STATE" }),
  ];
  partyKinds = { alliance: alliance.kind, assembly: assembly.kind };
  const hall = await makeVenue({ name: "Zephyr Hall", slug: "zephyr-hall", city: "Oslo", country: "Norway" });
  const annex = await makeVenue({
    name: "Zephyr Annex",
    slug: "zephyr-annex",
    city: "Bergen",
    country: "Norway",
    note: "Near the zephyr pier",
  });
  const first = await makeGrievance({ title: "Zephyr visas", description: "The zephyr consulate queue" });
  const quoted = await makeGrievance({
    title: "Zephyr flights",
    description: "Nothing to see here",
    citations: [{ quote: "A zephyr quote", source: "https://example.org/zephyr-report" }],
  });
  // The newest move puts it first: grievances are listed by their last move, newest first.
  await updateGrievance(SYSTEM, quoted.id, { version: quoted.version, status: "STALLED", reason: "No reply yet" });
  sourceTitle = (await getGrievanceOrThrow(SYSTEM, quoted.id)).citations[0]!.source.title;
  const atHall = await makeMeeting({ title: "Round zephyr one", date: "2025-03-01", venue: hall.slug });
  const later = await makeMeeting({ title: "Round zephyr two", date: "2025-04-01", summary: "Talk of zephyr" });
  const undated = await makeMeeting({
    title: "Round quokka",
    date: null,
    status: "PLANNED",
    summary: "Agenda to follow",
  });
  ids = {
    alliance: alliance.slug,
    assembly: assembly.slug,
    hall: hall.slug,
    annex: annex.slug,
    first: first.id,
    quoted: quoted.id,
    atHall: atHall.id,
    later: later.id,
    undated: undated.id,
    source: (await getGrievanceOrThrow(SYSTEM, quoted.id)).citations[0]!.source.id,
  };
});

describe("each hit, whole", () => {
  it("grievances: newest move first, their status, the passage with the words (not a blank description)", async () => {
    expect(await group("grievances", "zephyr")).toEqual([
      {
        kind: "grievances",
        key: ids.quoted,
        title: "Zephyr flights",
        href: `/grievances/${ids.quoted}`,
        detail: "Stalled",
        snippet: { field: "Quote", text: "A zephyr quote" },
        deletedAt: null,
      },
      {
        kind: "grievances",
        key: ids.first,
        title: "Zephyr visas",
        href: `/grievances/${ids.first}`,
        detail: "Open",
        snippet: { field: "Description", text: "The zephyr consulate queue" },
        deletedAt: null,
      },
    ]);
  });

  it("meetings: latest date first, date, status and city, the summary or the venue that matched", async () => {
    expect(await group("meetings", "zephyr")).toEqual([
      {
        kind: "meetings",
        key: ids.later,
        title: "Round zephyr two",
        href: `/meetings/${ids.later}`,
        detail: "2025-04-01 · Held",
        snippet: { field: "Summary", text: "Talk of zephyr" },
        deletedAt: null,
      },
      {
        kind: "meetings",
        key: ids.atHall,
        title: "Round zephyr one",
        href: `/meetings/${ids.atHall}`,
        detail: "2025-03-01 · Held · Oslo",
        snippet: { field: "Venue", text: "Zephyr Hall, Oslo, Norway" },
        deletedAt: null,
      },
    ]);
  });

  it("an undated meeting with no venue shows its status alone, and no snippet when only its title matched", async () => {
    expect(await group("meetings", "quokka")).toEqual([
      {
        kind: "meetings",
        key: ids.undated,
        title: "Round quokka",
        href: `/meetings/${ids.undated}`,
        detail: "Planned",
        snippet: null,
        deletedAt: null,
      },
    ]);
  });

  it("parties: by name, their short name and kind", async () => {
    expect(await group("parties", "zephyr")).toEqual([
      {
        kind: "parties",
        key: ids.assembly,
        title: "Assembly of Zephyr",
        href: `/parties/${ids.assembly}`,
        detail: PARTY_KIND_LABELS[partyKinds.assembly as "STATE"],
        snippet: null,
        deletedAt: null,
      },
      {
        kind: "parties",
        key: ids.alliance,
        title: "Zephyr Alliance",
        href: `/parties/${ids.alliance}`,
        detail: `ZA · ${PARTY_KIND_LABELS[partyKinds.alliance as "ORGANIZATION"]}`,
        snippet: null,
        deletedAt: null,
      },
    ]);
  });

  it("venues: by city, their city and country, the note that matched", async () => {
    expect(await group("venues", "zephyr")).toEqual([
      {
        kind: "venues",
        key: ids.annex,
        title: "Zephyr Annex",
        href: `/venues/${ids.annex}`,
        detail: "Bergen, Norway",
        snippet: { field: "Note", text: "Near the zephyr pier" },
        deletedAt: null,
      },
      {
        kind: "venues",
        key: ids.hall,
        title: "Zephyr Hall",
        href: `/venues/${ids.hall}`,
        detail: "Oslo, Norway",
        snippet: null,
        deletedAt: null,
      },
    ]);
  });

  it("sources: their URL, and the quote that matched", async () => {
    expect(await group("sources", "zephyr quote")).toEqual([
      {
        kind: "sources",
        key: ids.source,
        title: sourceTitle,
        href: `/sources/${ids.source}`,
        detail: "https://example.org/zephyr-report",
        snippet: { field: "Quote", text: "A zephyr quote" },
        deletedAt: null,
      },
    ]);
  });

  it("a deleted record, in the admins' deleted view, says when it was deleted", async () => {
    const deleted = await deleteGrievance(SYSTEM, ids.first!);
    const hits = await group("grievances", "zephyr", userActor("admin"));
    expect(hits.map((h) => [h.key, h.deletedAt])).toEqual([[ids.quoted, null]]);
    const bin = await searchEverything(userActor("admin"), { q: "zephyr", kind: "grievances", deleted: "1" });
    expect(bin.groups[0]!.items.map((h) => [h.key, h.deletedAt])).toEqual([[ids.first, deleted.deletedAt]]);
    expect(deleted.deletedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

import { describe, expect, it } from "vitest";
import * as grievanceOne from "@/app/api/v1/grievances/[id]/route";
import * as meetingOne from "@/app/api/v1/meetings/[id]/route";
import * as partyOne from "@/app/api/v1/parties/[slug]/route";
import * as venueOne from "@/app/api/v1/venues/[slug]/route";
import { getDb } from "@/lib/server/db";
import { makeGrievance, makeMeeting, makeParty, makeVenue } from "../support/factories";
import { expectError, jsonRequest, params, readJson } from "./support";

// A PATCH that changes nothing (only `version`, or every field as it was) is no edit: 200 with the
// record as it is, no revision, and no version bump, which would make every other open form on
// the record stale for nothing (a 409 on their next save).

type Kind = {
  name: string;
  make: () => Promise<{ key: string; version: number; same: Record<string, unknown> }>;
  patch: (key: string, body: unknown) => Promise<Response>;
  /** The stored row: what must not move. */
  row: (key: string) => Promise<{ version: number } | null>;
  revisions: (key: string) => Promise<number>;
  change: Record<string, unknown>;
};

const revisionsOf = async (entity: string, entityId: string) =>
  (await getDb()).revision.count({ where: { entity: entity as never, entityId } });

const KINDS: Kind[] = [
  {
    name: "grievance",
    make: async () => {
      const g = await makeGrievance();
      return { key: g.id, version: g.version, same: { title: g.title, category: g.category } };
    },
    patch: (id, body) => grievanceOne.PATCH(jsonRequest("PATCH", `/api/v1/grievances/${id}`, body), params({ id })),
    row: async (id) =>
      (await getDb()).grievance.findUnique({
        where: { id },
        select: { version: true, searchText: true, updatedAt: true },
      }),
    revisions: (id) => revisionsOf("grievance", id),
    change: { title: "A new title" },
  },
  {
    name: "meeting",
    make: async () => {
      const m = await makeMeeting();
      return { key: m.id, version: m.version, same: { title: m.title, summary: m.summary ?? "", date: "2025-05-01" } };
    },
    patch: (id, body) => meetingOne.PATCH(jsonRequest("PATCH", `/api/v1/meetings/${id}`, body), params({ id })),
    row: async (id) =>
      (await getDb()).meeting.findUnique({ where: { id }, select: { version: true, updatedAt: true } }),
    revisions: (id) => revisionsOf("meeting", id),
    change: { title: "A new round" },
  },
  {
    name: "party",
    make: async () => {
      const p = await makeParty();
      const { version } = await (await getDb()).party.findUniqueOrThrow({ where: { slug: p.slug } });
      return { key: p.slug, version, same: { name: p.name, kind: p.kind } };
    },
    patch: (slug, body) => partyOne.PATCH(jsonRequest("PATCH", `/api/v1/parties/${slug}`, body), params({ slug })),
    row: async (slug) =>
      (await getDb()).party.findUnique({ where: { slug }, select: { version: true, updatedAt: true } }),
    revisions: async (slug) =>
      revisionsOf("party", (await (await getDb()).party.findUniqueOrThrow({ where: { slug } })).id),
    change: { name: "A renamed party" },
  },
  {
    name: "venue",
    make: async () => {
      const v = await makeVenue();
      const { version } = await (await getDb()).venue.findUniqueOrThrow({ where: { slug: v.slug } });
      return { key: v.slug, version, same: { name: v.name, city: v.city, country: v.country } };
    },
    patch: (slug, body) => venueOne.PATCH(jsonRequest("PATCH", `/api/v1/venues/${slug}`, body), params({ slug })),
    row: async (slug) =>
      (await getDb()).venue.findUnique({ where: { slug }, select: { version: true, updatedAt: true } }),
    revisions: async (slug) =>
      revisionsOf("venue", (await (await getDb()).venue.findUniqueOrThrow({ where: { slug } })).id),
    change: { city: "Vienna" },
  },
];

describe.each(KINDS)("an empty PATCH on a $name", (kind) => {
  it("answers 200 with the record as it is, and bumps no version and writes no revision", async () => {
    const { key, version, same } = await kind.make();
    const before = { row: await kind.row(key), revisions: await kind.revisions(key) };
    for (const body of [{ version }, { version, ...same }]) {
      const response = await kind.patch(key, body);
      expect(response.status, await response.clone().text()).toBe(200);
      expect((await readJson(response)).version).toBe(version);
      expect(await kind.row(key)).toEqual(before.row);
      expect(await kind.revisions(key)).toBe(before.revisions);
    }
  });

  it("still refuses a stale version, and a real change still bumps it and keeps a revision", async () => {
    const { key, version } = await kind.make();
    await expectError(await kind.patch(key, { version: version + 1 }), 409, "CONFLICT");
    const revisions = await kind.revisions(key);
    const response = await kind.patch(key, { version, ...kind.change });
    expect(response.status).toBe(200);
    expect((await readJson(response)).version).toBe(version + 1);
    expect(await kind.revisions(key)).toBe(revisions + 1);
  });
});

import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { updateCitation } from "@/lib/server/citations";
import { getDb } from "@/lib/server/db";
import { getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";
import { createMeeting } from "@/lib/server/meetings";
import { makeGrievance } from "../support/factories";

// lib/server/sources.ts: how a quote or a status move names its source (a URL, or else a title),
// found or recorded once with its create revision, and how a record lists its quotes.

async function sourceRow(id: string) {
  const db = await getDb();
  return db.source.findUniqueOrThrow({
    where: { id },
    select: { title: true, url: true, publisher: true, note: true, searchText: true, publishedAt: true },
  });
}

async function revisionsOf(entity: string, entityId: string) {
  const db = await getDb();
  const rows = await db.revision.findMany({
    where: { entity, entityId },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ action: r.action, changes: JSON.parse(r.changes) as unknown }));
}

describe("a quote's source", () => {
  it("named by a URL is recorded with the URL as its title and url, and its create revision", async () => {
    const url = "https://example.org/Consular-Report";
    const grievance = await makeGrievance({ citations: [{ quote: "Staff were expelled.", source: url }] });
    const [citation] = grievance.citations;
    expect(citation).toEqual({
      id: expect.any(String),
      version: 1,
      quote: "Staff were expelled.",
      source: { id: expect.any(String), title: url, url, publisher: null, publishedAt: null, note: null },
    });
    expect(await sourceRow(citation!.source.id)).toEqual({
      title: url,
      url,
      publisher: null,
      note: null,
      publishedAt: null,
      searchText: `${url.toLowerCase()}\n${url.toLowerCase()}`,
    });
    expect(await revisionsOf("source", citation!.source.id)).toEqual([
      {
        action: "CREATE",
        changes: [
          { field: "title", before: null, after: url },
          { field: "url", before: null, after: url },
        ],
      },
    ]);
  });

  it("named by a title is recorded without a URL, and found again by that title", async () => {
    const first = await makeGrievance({ citations: [{ quote: "One.", source: "Izvestia Readout" }] });
    const second = await makeGrievance({ citations: [{ quote: "Two.", source: "Izvestia Readout" }] });
    const id = first.citations[0]!.source.id;
    expect(second.citations[0]!.source.id).toBe(id);
    expect(await sourceRow(id)).toMatchObject({ title: "Izvestia Readout", url: null, searchText: "izvestia readout" });
    expect(await revisionsOf("source", id)).toEqual([
      { action: "CREATE", changes: [{ field: "title", before: null, after: "Izvestia Readout" }] },
    ]);
  });

  it("named by a URL is found again by it, whatever its title, and written once", async () => {
    const url = "https://example.org/found-again";
    const first = await makeGrievance({ citations: [{ quote: "One.", source: url }] });
    const db = await getDb();
    await db.source.update({ where: { id: first.citations[0]!.source.id }, data: { title: "Renamed report" } });
    const sources = await db.source.count();
    const second = await makeGrievance({ citations: [{ quote: "Two.", source: url }] });
    expect(second.citations[0]!.source.id).toBe(first.citations[0]!.source.id);
    expect(await db.source.count()).toBe(sources);
    expect(await revisionsOf("source", first.citations[0]!.source.id)).toHaveLength(1);
  });

  it("takes an upper-case scheme as a URL, and a title another source has with a URL as a new title", async () => {
    const url = "HTTPS://EXAMPLE.ORG/SHOUTED";
    const shouted = await makeGrievance({ citations: [{ quote: "Loud.", source: url }] });
    expect(shouted.citations[0]!.source).toMatchObject({ title: url, url });
    // A source whose title is a URL's text but whose url is set is not the source of that title.
    const byTitle = await makeGrievance({ citations: [{ quote: "Quiet.", source: "Plain title" }] });
    const db = await getDb();
    await db.source.update({
      where: { id: byTitle.citations[0]!.source.id },
      data: { url: "https://example.org/now-has-one" },
    });
    const again = await makeGrievance({ citations: [{ quote: "Again.", source: "Plain title" }] });
    expect(again.citations[0]!.source.id).not.toBe(byTitle.citations[0]!.source.id);
    expect(again.citations[0]!.source).toMatchObject({ title: "Plain title", url: null });
    // Neither a title that only mentions a scheme mid-text.
    const mentioned = await makeGrievance({ citations: [{ quote: "Mid.", source: "See https://example.org/mid" }] });
    expect(mentioned.citations[0]!.source).toMatchObject({ title: "See https://example.org/mid", url: null });
  });

  it("is cited by a status move's history row, by URL or title, recorded once", async () => {
    const grievance = await makeGrievance();
    const moved = await updateGrievance(SYSTEM, grievance.id, {
      version: 1,
      status: "IN_NEGOTIATION",
      reason: "Talks opened",
      sourceUrl: "https://example.org/talks",
    });
    expect(moved.history.at(-1)!.source).toEqual({
      title: "https://example.org/talks",
      publisher: null,
      url: "https://example.org/talks",
      publishedAt: null,
      note: null,
    });
  });
});

describe("a record's quotes", () => {
  it("are recorded in order with their search text and a create revision each, dated with the record", async () => {
    const at = new Date("2025-04-02T08:00:00Z");
    const meeting = await createMeeting(
      SYSTEM,
      { title: "Quoted round" },
      {
        at,
        citations: [
          { quote: "Première citation, İstanbul.", source: "https://example.org/first" },
          { quote: "Second quote.", source: "A wire" },
        ],
      },
    );
    expect(meeting.citations.map((c) => [c.quote, c.source.url ?? c.source.title])).toEqual([
      ["Première citation, İstanbul.", "https://example.org/first"],
      ["Second quote.", "A wire"],
    ]);
    const db = await getDb();
    const rows = await db.citation.findMany({
      where: { meetingId: meeting.id },
      orderBy: { quote: "asc" },
      select: { id: true, searchText: true, createdAt: true, grievanceId: true },
    });
    expect(rows.map((r) => [r.searchText, r.createdAt, r.grievanceId])).toEqual([
      ["premiere citation, istanbul.", at, null],
      ["second quote.", at, null],
    ]);
    expect(await revisionsOf("citation", rows[0]!.id)).toEqual([
      {
        action: "CREATE",
        changes: [
          { field: "quote", before: null, after: "Première citation, İstanbul." },
          { field: "source", before: null, after: "https://example.org/first" },
          { field: "meetingId", before: null, after: meeting.id },
        ],
      },
    ]);
  });

  it("are listed oldest first, a deleted one left out", async () => {
    const grievance = await makeGrievance({
      citations: [
        { quote: "Zulu first.", source: "Same source" },
        { quote: "Alpha second.", source: "Same source" },
        { quote: "Mike third.", source: "Same source" },
      ],
    });
    expect(grievance.citations.map((c) => c.quote)).toEqual(["Zulu first.", "Alpha second.", "Mike third."]);
    const db = await getDb();
    await db.citation.update({ where: { id: grievance.citations[1]!.id }, data: { deletedAt: new Date() } });
    expect((await getGrievanceOrThrow(SYSTEM, grievance.id)).citations.map((c) => c.quote)).toEqual([
      "Zulu first.",
      "Mike third.",
    ]);
  });
});

describe("a quote's source, further", () => {
  it("takes a plain http URL as a URL", async () => {
    const grievance = await makeGrievance({ citations: [{ quote: "Plain.", source: "http://example.org/plain" }] });
    expect(grievance.citations[0]!.source).toMatchObject({
      title: "http://example.org/plain",
      url: "http://example.org/plain",
    });
  });

  it("is kept by a grievance's quote revision with the grievance it backs, by URL even once retitled", async () => {
    const url = "https://example.org/retitled";
    const grievance = await makeGrievance({ citations: [{ quote: "Kept by URL.", source: url }] });
    const citation = grievance.citations[0]!;
    expect(await revisionsOf("citation", citation.id)).toEqual([
      {
        action: "CREATE",
        changes: [
          { field: "quote", before: null, after: "Kept by URL." },
          { field: "source", before: null, after: url },
          { field: "grievanceId", before: null, after: grievance.id },
        ],
      },
    ]);
    const db = await getDb();
    await db.source.update({ where: { id: citation.source.id }, data: { title: "A retitled report" } });
    await updateCitation(SYSTEM, citation.id, { version: 1, source: "Another wire" });
    expect((await revisionsOf("citation", citation.id)).at(-1)).toEqual({
      action: "EDIT",
      changes: [{ field: "source", before: url, after: "Another wire" }],
    });
  });

  it("lists a record's quotes by when they were added, then by id", async () => {
    const grievance = await makeGrievance({ citations: [{ quote: "Added now.", source: "Order source" }] });
    const db = await getDb();
    const sourceId = grievance.citations[0]!.source.id;
    const earlier = new Date("2024-06-01T00:00:00Z");
    for (const [id, quote] of [
      ["order-z", "Earlier, id z."],
      ["order-a", "Earlier, id a."],
    ] as const) {
      await db.citation.create({ data: { id, grievanceId: grievance.id, sourceId, quote, createdAt: earlier } });
    }
    expect((await getGrievanceOrThrow(SYSTEM, grievance.id)).citations.map((c) => c.quote)).toEqual([
      "Earlier, id a.",
      "Earlier, id z.",
      "Added now.",
    ]);
  });
});

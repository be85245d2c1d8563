import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import {
  fillSearchText,
  quoteSearchText,
  refreshQuoteSearchText,
  refreshSourceSearchText,
  refreshVenueSearchText,
  sourceSearchText,
  venueSearchText,
} from "@/lib/server/search-text";
import { makeGrievance, makeVenue } from "../support/factories";

// The folded search columns of venues, sources and quotes (lib/server/search-text.ts): which
// fields each is made of, the refresh after an edit, and the start-up fill of empty columns.
// (tests/integration/search-everywhere.test.ts searches through them.)

let venueId: string, sourceId: string, quoteId: string;

beforeAll(async () => {
  venueId = (await makeVenue({ name: "Palais Wilson", city: "Genève", country: "Suisse", note: "Quai Wilson" })).id;
  const grievance = await makeGrievance({ citations: [{ quote: "Ünlü SÖZ", source: "The Daily Record" }] });
  quoteId = grievance.citations[0]!.id;
  const db = await getDb();
  sourceId = (await db.citation.findUniqueOrThrow({ where: { id: quoteId } })).sourceId;
  await db.source.update({
    where: { id: sourceId },
    data: { publisher: "Record Group", url: "https://example.org/Record", note: "Front page" },
  });
});

describe("what each column is made of", () => {
  it("folds every field of a venue, a source and a quote, a line each, leaving out what is empty", () => {
    expect(venueSearchText({ name: "Palais", city: "Genève", country: "Suisse", note: "Quai" })).toBe(
      "palais\ngeneve\nsuisse\nquai",
    );
    expect(venueSearchText({ name: "Palais", city: "Genève", country: "Suisse", note: null })).toBe(
      "palais\ngeneve\nsuisse",
    );
    expect(sourceSearchText({ title: "Daily", publisher: "Group", url: "https://example.org/A", note: "Page" })).toBe(
      "daily\ngroup\nhttps://example.org/a\npage",
    );
    expect(sourceSearchText({ title: "Daily", publisher: null, url: null, note: null })).toBe("daily");
    expect(quoteSearchText("Ünlü SÖZ")).toBe("unlu soz");
  });
});

describe("refreshing after an edit", () => {
  it("rewrites each column from the record's own fields", async () => {
    const db = await getDb();
    await db.venue.update({ where: { id: venueId }, data: { searchText: "stale", city: "Lausanne" } });
    await db.source.update({ where: { id: sourceId }, data: { searchText: "stale", title: "The Evening Record" } });
    await db.citation.update({ where: { id: quoteId }, data: { searchText: "stale", quote: "İkinci söz" } });
    await db.$transaction(async (tx) => {
      await refreshVenueSearchText(tx, venueId);
      await refreshSourceSearchText(tx, sourceId);
      await refreshQuoteSearchText(tx, quoteId);
    });
    const text = async () => ({
      venue: (await db.venue.findUniqueOrThrow({ where: { id: venueId } })).searchText,
      source: (await db.source.findUniqueOrThrow({ where: { id: sourceId } })).searchText,
      quote: (await db.citation.findUniqueOrThrow({ where: { id: quoteId } })).searchText,
    });
    expect(await text()).toEqual({
      venue: "palais wilson\nlausanne\nsuisse\nquai wilson",
      source: "the evening record\nrecord group\nhttps://example.org/record\nfront page",
      quote: "ikinci soz",
    });
  });
});

describe("fillSearchText", () => {
  it("fills only the empty columns, keeps updatedAt, and counts what it wrote", async () => {
    const db = await getDb();
    const other = await makeVenue({ name: "Other Hall", city: "Oslo", country: "Norway" });
    await db.venue.update({ where: { id: other.id }, data: { searchText: "kept as it is" } });
    await db.venue.update({ where: { id: venueId }, data: { searchText: "" } });
    await db.source.updateMany({ data: { searchText: "" } });
    await db.citation.updateMany({ data: { searchText: "" } });
    const sources = await db.source.count();
    const quotes = await db.citation.count();
    const stamp = async () => ({
      venue: (await db.venue.findUniqueOrThrow({ where: { id: venueId } })).updatedAt,
      source: (await db.source.findUniqueOrThrow({ where: { id: sourceId } })).updatedAt,
      quote: (await db.citation.findUniqueOrThrow({ where: { id: quoteId } })).updatedAt,
    });
    const before = await stamp();
    // Other venues (the factories') were written at creation and are not empty.
    expect(await fillSearchText()).toBe(1 + sources + quotes);
    expect(await stamp()).toEqual(before);
    expect((await db.venue.findUniqueOrThrow({ where: { id: venueId } })).searchText).toBe(
      "palais wilson\nlausanne\nsuisse\nquai wilson",
    );
    expect((await db.venue.findUniqueOrThrow({ where: { id: other.id } })).searchText).toBe("kept as it is");
    expect((await db.source.findUniqueOrThrow({ where: { id: sourceId } })).searchText).toBe(
      "the evening record\nrecord group\nhttps://example.org/record\nfront page",
    );
    expect((await db.citation.findUniqueOrThrow({ where: { id: quoteId } })).searchText).toBe("ikinci soz");
    expect(await fillSearchText()).toBe(0);
  });
});

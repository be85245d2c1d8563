import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CitationList } from "@/components/meetings/citation-list";
import { SourceEditForm } from "@/components/sources/source-edit-form";
import { SourceQuotes } from "@/components/sources/source-quotes";
import type { Citation, SourceQuote } from "@/lib/schemas/source";

// The quote and source forms as the server renders them, for a browser without JavaScript: each
// posts the record's id and the version it was loaded at, and each source leads to its page.

const citation: Citation = {
  id: "quote-1",
  version: 3,
  quote: "The properties will be returned.",
  source: {
    id: "source-1",
    title: "Readout",
    publisher: "MFA",
    url: "https://example.org/readout",
    publishedAt: "2025-02-27T00:00:00.000Z",
    note: null,
  },
};

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);
const hidden = (markup: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(markup)?.[1];

describe("a quote on its record's page", () => {
  it("links its source's title to the source's page and the original to its URL", () => {
    const markup = render(createElement(CitationList, { citations: [citation] }));
    expect(markup).toContain('href="/sources/source-1"');
    expect(markup).toContain('href="https://example.org/readout"');
    expect(markup).not.toContain("Edit quote");
    expect(markup).not.toContain("Delete quote");
  });

  it("offers the edit form (with the quote's id, version and source by URL) and delete only when allowed", () => {
    const analyst = render(createElement(CitationList, { citations: [citation], canEdit: true }));
    expect(analyst).toContain("Edit quote");
    expect(analyst).not.toContain("Delete quote");
    expect(hidden(analyst, "id")).toBe("quote-1");
    expect(hidden(analyst, "version")).toBe("3");
    expect(analyst).toContain('name="source" value="https://example.org/readout"');
    const admin = render(createElement(CitationList, { citations: [citation], canEdit: true, canDelete: true }));
    expect(admin).toContain("Delete quote");
  });
});

describe("a source's page", () => {
  it("fills the edit form with the source as it is, its date as a day", () => {
    const markup = render(createElement(SourceEditForm, { source: { ...citation.source, version: 2 } }));
    expect(hidden(markup, "id")).toBe("source-1");
    expect(hidden(markup, "version")).toBe("2");
    expect(markup).toContain('value="2025-02-27"');
    expect(markup).toContain('value="MFA"');
  });

  it("marks deleted quotes and offers Restore to admins, except on a deleted record", () => {
    const record = { kind: "grievance" as const, id: "g-1", title: "Seized dachas", deletedAt: null };
    const quotes: SourceQuote[] = [
      { id: "live", version: 1, quote: "Live.", record, deletedAt: null },
      { id: "gone", version: 2, quote: "Gone.", record, deletedAt: "2026-12-01T10:00:00.000Z" },
      {
        id: "orphaned",
        version: 1,
        quote: "With its grievance.",
        record: { ...record, id: "g-2", deletedAt: "2026-12-01T10:00:00.000Z" },
        deletedAt: "2026-12-01T10:00:00.000Z",
      },
    ];
    const admin = render(createElement(SourceQuotes, { quotes, canRestore: true }));
    expect(admin).toContain('href="/grievances/g-1"');
    expect(admin.match(/Deleted quote/g)).toHaveLength(2);
    expect(admin.match(/name="id" value="([^"]+)"/g)).toEqual(['name="id" value="gone"']);
    const analyst = render(createElement(SourceQuotes, { quotes, canRestore: false }));
    expect(analyst).not.toContain("Restore");
  });
});

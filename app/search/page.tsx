import type { Metadata } from "next";
import type { ListPageProps } from "@/app/page-data";
import { SearchBox } from "@/components/search/search-box";
import { searchHref, SearchResults } from "@/components/search/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { isAppError } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchKind, type SearchResult } from "@/lib/schemas/search";
import { can } from "@/lib/server/authz";
import { searchEverything } from "@/lib/server/search";
import { requirePageActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Search" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SearchPage({ searchParams }: ListPageProps) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const q = first(params.q)?.trim() ?? "";
  // As on the lists, a mistyped kind or a deleted view asked for by a non-admin is dropped
  // rather than refused: the page shows the search it can.
  const kindParam = first(params.kind);
  const kind = SEARCH_KINDS.find((k) => k === kindParam) as SearchKind | undefined;
  const deleted = can(actor, "admin") && first(params.deleted) === "1";

  let result: SearchResult | null = null;
  let error: string | null = null;
  if (q) {
    try {
      result = await searchEverything(actor, {
        q,
        ...(kind ? { kind, limit: String(LIMITS.pageSizeMax) } : {}),
        ...(deleted ? { deleted: "1" } : {}),
      });
    } catch (caught) {
      if (!isAppError(caught) || caught.code !== "VALIDATION_FAILED") throw caught;
      error = caught.issues[0]?.message ?? caught.message;
    }
  }

  const title = deleted ? "Search the deleted records" : "Search";
  const subtitle = result
    ? `${formatNumber(result.total)} ${result.total === 1 ? "match" : "matches"} for “${result.q}”${kind ? ` among the ${kind}` : ""}.`
    : "Names, titles, summaries, descriptions, notes, quotes, a venue's city and country; every word must occur, in any case, with or without accents.";
  const actions = (
    <>
      {kind && q ? <TextLink href={searchHref(q, { deleted })}>Every kind</TextLink> : null}
      {can(actor, "admin") && q ? (
        <TextLink href={searchHref(q, { kind, deleted: !deleted })}>
          {deleted ? "Search the live records" : "Search the deleted records"}
        </TextLink>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={actions} />
      <SearchBox q={q} kind={kind} deleted={deleted} error={error} />
      {result ? (
        <SearchResults result={result} deleted={deleted} narrowed={Boolean(kind)} />
      ) : error ? null : (
        <EmptyState
          title="Type what you are looking for"
          description={`For instance a city (“istanbul”), a party (“Türkiye”), or a phrase from a quote. It searches the ${SEARCH_KINDS.map((k) => SEARCH_KIND_LABELS[k].toLowerCase()).join(", ")}.`}
        />
      )}
    </>
  );
}

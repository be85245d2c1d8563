import { Badge } from "@/components/ui/status-badge";
import { EmptyNote } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { Section } from "@/components/ui/section";
import { TextLink } from "@/components/ui/text-link";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { SEARCH_KIND_LABELS, type SearchGroup, type SearchHit, type SearchResult } from "@/lib/schemas/search";
import { Highlighted } from "./highlighted";

/** The address of this search narrowed to one kind (every match of it), or widened back to all. */
export function searchHref(q: string, options: { kind?: string; deleted?: boolean } = {}): string {
  const params = new URLSearchParams({ q });
  if (options.kind) params.set("kind", options.kind);
  if (options.deleted) params.set("deleted", "1");
  return `/search?${params}`;
}

function groupLink(group: SearchGroup, result: SearchResult, deleted: boolean, narrowed: boolean) {
  // The grievance list searches the same text and keeps its own filters beside the words.
  if (group.kind === "grievances" && group.count > 0) {
    return { href: grievanceListHref({ q: result.q, deleted: deleted ? "1" : undefined }), label: "Only grievances" };
  }
  if (!narrowed && group.count > group.items.length) {
    return {
      href: searchHref(result.q, { kind: group.kind, deleted }),
      label: `All ${formatNumber(group.count)} ${SEARCH_KIND_LABELS[group.kind].toLowerCase()}`,
    };
  }
  return null;
}

function Hit({ hit, terms }: { hit: SearchHit; terms: readonly string[] }) {
  return (
    <li className="px-3 py-2">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <TextLink href={hit.href} className="text-sm font-medium">
          <Highlighted text={hit.title} terms={terms} />
        </TextLink>
        {hit.detail ? (
          <span className="text-xs text-slate-600">
            <Highlighted text={hit.detail} terms={terms} />
          </span>
        ) : null}
        {hit.deletedAt ? (
          <Badge tone="neutral" dot={false}>
            Deleted
          </Badge>
        ) : null}
      </div>
      {hit.snippet ? (
        <p className="mt-0.5 text-sm text-slate-700">
          <span className="text-slate-600">{hit.snippet.field}: </span>
          <Highlighted text={hit.snippet.text} terms={terms} />
        </p>
      ) : null}
    </li>
  );
}

export type SearchResultsProps = {
  result: SearchResult;
  deleted: boolean;
  /** Only one kind was asked for: its group lists every match (up to the page's limit). */
  narrowed: boolean;
};

/** The matches, one section per kind with its count; each links to the record, the words marked. */
export function SearchResults({ result, deleted, narrowed }: SearchResultsProps) {
  return (
    <div className="space-y-6">
      {result.groups.map((group) => (
        <Section
          key={group.kind}
          id={`search-${group.kind}`}
          title={SEARCH_KIND_LABELS[group.kind]}
          detail={formatNumber(group.count)}
          link={groupLink(group, result, deleted, narrowed)}
        >
          {group.items.length ? (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
              {group.items.map((hit) => (
                <Hit key={hit.key} hit={hit} terms={result.terms} />
              ))}
            </ul>
          ) : (
            <EmptyNote>No {SEARCH_KIND_LABELS[group.kind].toLowerCase()} match.</EmptyNote>
          )}
          {group.count > group.items.length && narrowed ? (
            <p className="text-xs text-slate-600">
              The first {formatNumber(group.items.length)} of {formatNumber(group.count)}; add a word to narrow it.
            </p>
          ) : null}
        </Section>
      ))}
    </div>
  );
}

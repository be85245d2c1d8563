import { CitationDeleteControl, CitationEditControl } from "@/components/sources/citation-controls";
import { CitedSourceLine } from "@/components/sources/cited-source";
import { EmptyText } from "@/components/ui/empty-state";
import type { Citation } from "@/lib/schemas/source";

/**
 * Quotes with their sources, as a grievance or a meeting cites them; each source links to its
 * page. `canEdit` (analysts, on a live record) adds an edit form to each quote, `canDelete`
 * (admins) a delete control.
 */
export function CitationList({
  citations,
  canEdit = false,
  canDelete = false,
}: {
  citations: readonly Citation[];
  canEdit?: boolean;
  canDelete?: boolean;
}) {
  if (citations.length === 0) return <EmptyText>No quoted sources.</EmptyText>;
  return (
    <ul className="space-y-3">
      {citations.map((c) => (
        <li key={c.id}>
          <figure>
            <blockquote className="max-w-prose border-l-2 border-slate-300 pl-3 text-sm text-slate-800 italic">
              “{c.quote}”
            </blockquote>
            <figcaption className="mt-1 pl-3 text-xs text-slate-600">
              — <CitedSourceLine source={c.source} />
            </figcaption>
          </figure>
          {canEdit || canDelete ? (
            <div className="mt-1 space-y-1 pl-3">
              {canEdit ? <CitationEditControl citation={c} /> : null}
              {canDelete ? <CitationDeleteControl id={c.id} /> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

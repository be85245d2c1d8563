import { SourceLine } from "@/components/grievances/source-line";
import { EmptyText } from "@/components/ui/empty-state";
import type { Citation } from "@/lib/schemas/source";

/** Quotes with their sources, as a grievance or a meeting cites them. */
export function CitationList({ citations }: { citations: readonly Citation[] }) {
  if (citations.length === 0) return <EmptyText>No quoted sources.</EmptyText>;
  return (
    <ul className="space-y-3">
      {citations.map((c, i) => (
        <li key={i}>
          <figure>
            <blockquote className="max-w-prose border-l-2 border-slate-300 pl-3 text-sm text-slate-800 italic">
              “{c.quote}”
            </blockquote>
            <figcaption className="mt-1 pl-3 text-xs text-slate-600">
              — <SourceLine source={c.source} />
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}

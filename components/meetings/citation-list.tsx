import { SourceCitation, type SourceView } from "./source-citation";

/** Quotes with their sources, as the record cites them. */
export function CitationList({ citations }: { citations: ReadonlyArray<{ quote: string; source: SourceView }> }) {
  if (citations.length === 0) return <p className="text-sm text-slate-600">No quotes recorded.</p>;
  return (
    <ul className="space-y-3">
      {citations.map((c, i) => (
        <li key={i} className="text-sm">
          <blockquote className="border-l-2 border-accent-200 pl-3 text-slate-800 italic">“{c.quote}”</blockquote>
          <p className="mt-1 pl-3 text-xs">
            <span className="text-slate-600">— </span>
            <SourceCitation source={c.source} />
          </p>
        </li>
      ))}
    </ul>
  );
}

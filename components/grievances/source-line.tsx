import { formatDate } from "@/components/ui/format";
import type { SourceRef } from "@/lib/schemas/source";

const LINK =
  "text-accent-700 underline decoration-accent-300 underline-offset-2 hover:text-accent-900 hover:decoration-accent-700";

/** A source as one line: title (a link when it has a URL), publisher, date, and its note. */
export function SourceLine({ source }: { source: SourceRef }) {
  const meta = [source.publisher, source.publishedAt ? formatDate(source.publishedAt) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <span>
      {source.url ? (
        <a href={source.url} className={LINK} rel="noreferrer noopener" target="_blank">
          {source.title}
          <span aria-hidden="true"> ↗</span>
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        <cite className="not-italic">{source.title}</cite>
      )}
      {meta ? <span className="text-slate-600"> · {meta}</span> : null}
      {source.note ? <span className="text-slate-600"> · {source.note}</span> : null}
    </span>
  );
}

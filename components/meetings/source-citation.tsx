import { formatDate } from "@/components/ui/format";

export type SourceView = {
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  note: string | null;
};

/** "Title, Publisher, 10 Apr 2025 ↗": a link when the source has a URL. */
export function SourceCitation({ source }: { source: SourceView }) {
  const details = [source.publisher, source.publishedAt ? formatDate(source.publishedAt) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <>
      {source.url ? (
        <a
          href={source.url}
          rel="noreferrer noopener"
          className="text-accent-700 hover:text-accent-900 hover:underline"
        >
          {source.title}
          <span aria-hidden="true"> ↗</span>
        </a>
      ) : (
        <span className="text-slate-800">{source.title}</span>
      )}
      {details ? <span className="text-slate-600">, {details}</span> : null}
      {source.note ? <span className="text-slate-600"> ({source.note})</span> : null}
    </>
  );
}

import { CitationRestoreControl } from "@/components/sources/citation-controls";
import { EmptyText } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";
import type { CitingRecord, SourceQuote } from "@/lib/schemas/source";

const recordHref = (record: CitingRecord) =>
  record.kind === "grievance" ? `/grievances/${record.id}` : `/meetings/${record.id}`;

const KIND: Record<CitingRecord["kind"], string> = { grievance: "Grievance", meeting: "Meeting" };

/**
 * The quotes taken from a source, each with the record it backs. An admin also sees the deleted
 * ones (marked, with Restore) and those on deleted records (marked; restoring the record brings
 * them back).
 */
export function SourceQuotes({ quotes, canRestore }: { quotes: readonly SourceQuote[]; canRestore: boolean }) {
  if (quotes.length === 0) return <EmptyText>No quote is taken from this source.</EmptyText>;
  return (
    <ul className="space-y-3">
      {quotes.map((quote) => (
        <li key={quote.id}>
          <figure className={quote.deletedAt ? "opacity-75" : undefined}>
            <blockquote className="max-w-prose border-l-2 border-slate-300 pl-3 text-sm text-slate-800 italic">
              “{quote.quote}”
            </blockquote>
            <figcaption className="mt-1 pl-3 text-xs text-slate-600">
              {quote.record ? (
                <>
                  {KIND[quote.record.kind]}: <TextLink href={recordHref(quote.record)}>{quote.record.title}</TextLink>
                  {quote.record.deletedAt ? <span className="text-red-800"> (deleted)</span> : null}
                </>
              ) : (
                "On no record"
              )}
              {quote.deletedAt ? <strong className="ml-2 font-semibold text-red-800">Deleted quote</strong> : null}
            </figcaption>
          </figure>
          {quote.deletedAt && canRestore && !quote.record?.deletedAt ? (
            <div className="mt-1 pl-3">
              <CitationRestoreControl id={quote.id} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

import { formatDate } from "@/components/ui/format";
import { LINK_CLASS, TextLink } from "@/components/ui/text-link";
import type { CitedSource } from "@/lib/schemas/source";

/**
 * A quote's source as one line: its title links to the source's page (where it is corrected and
 * every quote from it is listed), then a link to the original when it has a URL, its publisher,
 * date and note.
 */
export function CitedSourceLine({ source }: { source: CitedSource }) {
  const meta = [source.publisher, source.publishedAt ? formatDate(source.publishedAt) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <span>
      {/* Underlined: the line sits in grey text, where colour alone would not tell the links apart (axe). */}
      <TextLink href={`/sources/${source.id}`} className="underline">
        {source.title}
      </TextLink>
      {source.url ? (
        <>
          {" "}
          <a href={source.url} className={`${LINK_CLASS} underline`} rel="noreferrer noopener" target="_blank">
            <span aria-hidden="true">original ↗</span>
            <span className="sr-only">Open the original (in a new tab)</span>
          </a>
        </>
      ) : null}
      {meta ? <span className="text-slate-600"> · {meta}</span> : null}
      {source.note ? <span className="text-slate-600"> · {source.note}</span> : null}
    </span>
  );
}

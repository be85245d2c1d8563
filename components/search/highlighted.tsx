import { highlight } from "@/lib/search-highlight";

/** Text with the searched words marked: they are found folded, and shown as written. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlight(text, terms).map((segment, index) =>
        segment.match ? (
          // Slate-900 on amber-100: the mark keeps the text's contrast (> 12:1).
          <mark key={index} className="rounded-sm bg-amber-100 px-px text-slate-900">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

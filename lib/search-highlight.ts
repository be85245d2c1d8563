import { foldForSearch } from "./search";

// Where the words of a search stand in the original text, so a result can show them: the
// database matched folded text (lib/search.ts), and "istanbul" must light up "İstanbul" in the
// title as written. Each character is folded on its own, remembering where it came from.

/** One piece of a text as shown: `match` pieces are the searched words. */
export type Segment = { text: string; match: boolean };

/**
 * Folds one character as foldForSearch folds a text, less the trimming and whitespace collapse
 * that only make sense for a whole text. Greek final sigma is folded to σ on both sides, since
 * foldForSearch lower-cases a whole word (ς at its end) and a lone character does not know.
 */
function foldChar(char: string): string {
  return char
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[%_\\]/g, " ")
    .replace(/ς/g, "σ");
}

/** The folded text and, for each of its UTF-16 units, the index in `text` it came from. */
function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = "";
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = foldChar(char);
    for (let i = 0; i < f.length; i++) {
      from.push(index);
      to.push(index + char.length);
    }
    folded += f;
    index += char.length;
  }
  return { folded, from, to };
}

/** The words of a query as the database matched them: folded, split, each once. */
export function searchTerms(query: string): string[] {
  return [...new Set(foldForSearch(query).split(" ").filter(Boolean))];
}

/** Every [start, end) range of `text` where one of the terms occurs, sorted and merged. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const { folded, from, to } = foldWithMap(text);
  const ranges: Array<[number, number]> = [];
  for (const raw of terms) {
    const term = raw.replace(/ς/g, "σ");
    if (!term) continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      ranges.push([from[at]!, to[at + term.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The text cut into pieces, the searched words marked. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/** How many of the terms occur in the text (folded). */
export function termsFound(text: string, terms: readonly string[]): number {
  const folded = foldWithMap(text).folded;
  return terms.filter((term) => term && folded.includes(term.replace(/ς/g, "σ"))).length;
}

/**
 * A passage of at most about `length` characters around the first searched word, cut at spaces,
 * with "…" where it was cut; the text itself when it is short enough.
 */
export function excerpt(text: string, terms: readonly string[], length = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const first = matchRanges(flat, terms)[0]?.[0] ?? 0;
  // A third of the passage before the word, the rest after it.
  let start = Math.max(0, first - Math.floor(length / 3));
  let end = Math.min(flat.length, start + length);
  start = Math.max(0, end - length);
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    if (space !== -1 && space < first) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space > first) end = space;
  }
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}

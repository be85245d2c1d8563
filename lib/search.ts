/**
 * Folds text for search so that the same query finds the same rows on every database:
 * Unicode NFKD, combining marks stripped, then lower-cased without locale. SQLite's LIKE folds
 * ASCII only and PostgreSQL's collations differ by installation, so the app writes a folded copy
 * of searchable text into a column and folds the query the same way.
 *
 * Turkish needs one step of its own: "İ" (dotted capital I) lower-cases to "i" + a combining
 * dot, and "ı" (dotless i) has no decomposition; both become plain "i" so that "istanbul" finds
 * "İstanbul" and "Istanbul" alike. Cyrillic "ё" folds to "е" through NFKD as well.
 *
 * "%", "_" and "\" fold to spaces, in the stored text and in queries alike: Prisma's `contains`
 * is a LIKE whose operand it does not escape (prisma/prisma#19506), so as separators they can
 * never reach LIKE as wildcards, on either database.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[%_\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Joins the searchable parts of a record into one folded string, parts separated by a newline. */
export function buildSearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .map(foldForSearch)
    .join("\n");
}

import { z } from "zod";
import { foldForSearch } from "../search";
import { isStorableText, LIMITS, PageLimitSchema, unstorableTextMessage } from "./common";

// Search everywhere (issue 11): one query over grievances, meetings, parties, venues and sources,
// answered grouped by kind. The words are folded as every searchText column is (lib/search.ts).

export const SEARCH_KINDS = ["grievances", "meetings", "parties", "venues", "sources"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  grievances: "Grievances",
  meetings: "Meetings",
  parties: "Parties",
  venues: "Venues",
  sources: "Sources",
};

/** How many of each kind the answer lists when the client does not say. */
export const SEARCH_LIMIT_DEFAULT = 10;

export const SearchQuerySchema = z.strictObject({
  q: z
    .string({ error: "Search is required: give q, the words to look for" })
    .trim()
    .min(1, { error: "Search is required: give q, the words to look for", abort: true })
    .max(LIMITS.query, `Search must be at most ${LIMITS.query} characters`)
    .refine(isStorableText, unstorableTextMessage("Search"))
    // "%", "_" or "\\" alone fold to no word at all (lib/search.ts), which would match everything.
    .refine((q) => foldForSearch(q) !== "", "Search needs a letter or a digit")
    .meta({ description: "The words to look for; each must occur, case, accents and Turkish İ/ı folded" }),
  /** Only this kind (a "show all" link); absent, every kind. */
  kind: z.enum(SEARCH_KINDS, { error: `Kind must be one of ${SEARCH_KINDS.join(", ")}` }).optional(),
  /** How many of each kind to list (the count is of all); 10 unless given. */
  limit: PageLimitSchema.optional(),
  /** "1": the deleted records instead of the live ones (admins). */
  deleted: z.enum(["1"], { error: "Deleted takes 1" }).optional(),
});

/** Why a record was found: the field where the words are, cut around the first of them. */
export const SearchSnippetSchema = z.strictObject({
  field: z.string().meta({ description: "Which text matched, as the page labels it: Summary, Quote, Venue…" }),
  text: z.string(),
});

export const SearchHitSchema = z.strictObject({
  kind: z.enum(SEARCH_KINDS),
  /** The record's id (grievances, meetings, sources) or slug (parties, venues): what its URL takes. */
  key: z.string(),
  title: z.string(),
  /** The record's page in the app. */
  href: z.string(),
  /** A line about it: a grievance's status, a meeting's date and venue, a venue's city. */
  detail: z.string().nullable(),
  snippet: SearchSnippetSchema.nullable(),
  deletedAt: z.string().nullable(),
});
export type SearchHit = z.output<typeof SearchHitSchema>;

export const SearchGroupSchema = z.strictObject({
  kind: z.enum(SEARCH_KINDS),
  /** Every match of this kind; `items` holds the first `limit`. */
  count: z.int(),
  items: z.array(SearchHitSchema),
});
export type SearchGroup = z.output<typeof SearchGroupSchema>;

export const SearchResultSchema = z.strictObject({
  q: z.string(),
  /** The folded words every match contains, for highlighting. */
  terms: z.array(z.string()),
  /** The sum of the groups' counts. */
  total: z.int(),
  groups: z.array(SearchGroupSchema),
});
export type SearchResult = z.output<typeof SearchResultSchema>;

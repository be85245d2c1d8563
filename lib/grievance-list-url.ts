import type { GrievanceCategory, GrievanceStatus } from "@/lib/schemas/enums";
import type { GrievanceFilters, GrievanceSortKey } from "@/lib/schemas/grievance";

// Links into the grievance list. Filters live in the URL, so every view is a link an analyst can
// paste; these helpers keep those links short, stable and readable (lists as "OPEN,STALLED").

export const GRIEVANCES_PATH = "/grievances";

export type GrievanceListParams = Partial<{
  party: string;
  role: "raised" | "addressed";
  status: readonly GrievanceStatus[];
  category: readonly GrievanceCategory[];
  meeting: string;
  q: string;
  sort: GrievanceSortKey;
  dir: "asc" | "desc";
  cursor: string;
  limit: number;
  /** "1": the admins' list of deleted grievances. */
  deleted: "1";
  /** A past day (YYYY-MM-DD): the list as of its end, replayed from the dated history. */
  asOf: string;
}>;

/** The order keys appear in a URL, so the same view always has the same address. */
const KEY_ORDER = [
  "asOf",
  "deleted",
  "party",
  "role",
  "status",
  "category",
  "meeting",
  "q",
  "sort",
  "dir",
  "cursor",
  "limit",
] as const;

/** `/grievances?party=russia&status=OPEN,STALLED`; empty values are left out. */
export function grievanceListHref(params: GrievanceListParams = {}): string {
  const parts: string[] = [];
  for (const key of KEY_ORDER) {
    const value = params[key];
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      // Enum tokens never contain commas, so the list stays readable.
      parts.push(`${key}=${value.map((v: string) => encodeURIComponent(v)).join(",")}`);
    } else {
      parts.push(`${key}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length ? `${GRIEVANCES_PATH}?${parts.join("&")}` : GRIEVANCES_PATH;
}

/** The direction a column sorts in when first clicked: words A→Z, dates newest first. */
export function defaultSortDir(key: GrievanceSortKey): "asc" | "desc" {
  return key === "title" || key === "category" || key === "status" ? "asc" : "desc";
}

/** The sort the list is in: what the URL says, else last moved, newest first (the server's default). */
export function activeSort(filters: Pick<GrievanceFilters, "sort" | "dir">): {
  key: GrievanceSortKey;
  dir: "asc" | "desc";
} {
  const key = filters.sort ?? "lastMoved";
  return { key, dir: filters.dir ?? defaultSortDir(key) };
}

/**
 * The link of a sortable column header: the same filters, sorted by `key` (flipping the direction
 * when it is already the sort), back on the first page.
 */
export function sortHref(filters: GrievanceListParams, key: GrievanceSortKey): string {
  const current = activeSort(filters);
  const dir = current.key === key ? (current.dir === "asc" ? "desc" : "asc") : defaultSortDir(key);
  return grievanceListHref({ ...filters, sort: key, dir, cursor: undefined });
}

/**
 * The list URL for a submitted filter form, leaving out empty fields (the form's GET submission
 * without JavaScript keeps them, which works but reads worse when shared).
 */
export function filterFormHref(entries: Iterable<[string, FormDataEntryValue]>): string {
  const values = new Map<string, string[]>();
  for (const [key, raw] of entries) {
    if (typeof raw !== "string") continue;
    const value = raw.trim();
    if (value === "") continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const single = (key: string) => values.get(key)?.[0];
  const list = (key: string) =>
    values
      .get(key)
      ?.flatMap((v) => v.split(","))
      .filter(Boolean);
  const limit = Number(single("limit"));
  return grievanceListHref({
    party: single("party"),
    role: single("role") as GrievanceListParams["role"],
    status: list("status") as GrievanceStatus[] | undefined,
    category: list("category") as GrievanceCategory[] | undefined,
    meeting: single("meeting"),
    q: single("q"),
    sort: single("sort") as GrievanceSortKey | undefined,
    dir: single("dir") as GrievanceListParams["dir"],
    limit: Number.isFinite(limit) && limit > 0 ? limit : undefined,
    deleted: single("deleted") === "1" ? "1" : undefined,
    asOf: single("asOf"),
  });
}

/** Whether any filter (not sort or paging) is set: drives the "Clear" link and the empty state. */
export function hasFilters(filters: GrievanceListParams): boolean {
  return Boolean(
    filters.party || filters.role || filters.status?.length || filters.category?.length || filters.meeting || filters.q,
  );
}

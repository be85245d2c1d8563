import "server-only";
import type { z } from "zod";
import { parseOrThrow, validationFailed } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import { decodeCursor, encodeCursor, type CursorValue } from "@/lib/schemas/cursor";
import { authorize, type Actor } from "./authz";
import { getDb, type Tx } from "./db";

// Paging every list of versioned records shares: keyset pagination (issue 10). A page is the
// rows after (or, for "previous", before) the sort key values and id of the row the last page
// ended at, so every page, however deep, is one index seek and `limit + 1` rows; the cursor
// carries those values (lib/schemas/cursor.ts). The id is the last key, in the direction of the
// one before it, so the order is total and one index (sort column, id) serves both directions.

/** One key of a list's order. */
export type SortKey<Row> = {
  /** The Prisma field. */
  field: string;
  dir: "asc" | "desc";
  /** A date column: its cursor value is ISO text, read back as a Date. */
  date?: boolean;
  /** A column that may be null, its nulls sorted last in either direction (meetings' dates). */
  nullsLast?: boolean;
  /**
   * An enum column: its values in the order the database sorts them. Prisma compares enums by
   * equality only, so "after OPEN" is spelled as the list of values after it.
   */
  enumOrder?: readonly string[];
  /** The row's value for this key. */
  value: (row: Row) => Date | string | null;
};

/** What a list's query gets: where the page starts and how to sort. */
export type PageWindow = {
  take: number;
  /** Rows before the page, for a list that can only page by position (the as-of replay). */
  skip: number;
  /** The keyset condition past the cursor's row, to AND with the filters; null on the first page. */
  after: object | null;
  /** The order to read in: the list's, or reversed when reading back from a "previous" cursor. */
  orderBy: object[];
};

export type ListPage<T> = {
  items: T[];
  nextCursor: string | null;
  /** The cursor of the page before this one; null on the first. */
  prevCursor: string | null;
  total: number;
  /** The position of the page's first row, counted from 0 ("Showing 26–50"). */
  offset: number;
  limit: number;
};

/** What every list of versioned records takes: "1" for the deleted ones, and a page. */
type ListFilters = { deleted?: "1"; limit?: number; cursor?: string };

const ascending = (dir: "asc" | "desc", forward: boolean) => (dir === "asc") === forward;

/** `field` beyond `value` in the reading order (or at it too, when `inclusive`), as a Prisma filter. */
function beyond<Row>(key: SortKey<Row>, value: unknown, forward: boolean, inclusive: boolean): object {
  const up = ascending(key.dir, forward);
  if (key.enumOrder) {
    const at = key.enumOrder.indexOf(value as string);
    const values = up ? key.enumOrder.slice(inclusive ? at : at + 1) : key.enumOrder.slice(0, inclusive ? at + 1 : at);
    return { [key.field]: { in: values } };
  }
  return { [key.field]: { [up ? (inclusive ? "gte" : "gt") : inclusive ? "lte" : "lt"]: value } };
}

function equal(field: string, value: unknown): object {
  return { [field]: value };
}

/** Rows strictly past `key`'s value in the reading direction, nulls (last in the list's order) included. */
function past<Row>(key: SortKey<Row>, value: unknown, forward: boolean): object | null {
  if (value === null) return forward ? null : { [key.field]: { not: null } };
  const strictly = beyond(key, value, forward, false);
  return key.nullsLast && forward ? { OR: [strictly, { [key.field]: null }] } : strictly;
}

/**
 * The rows after (forward) or before the row whose keys hold `values`, as a Prisma where: the
 * lexicographic "(k1, k2, id) > (v1, v2, i)" spelled out, led by a range on the first key alone
 * so that both databases seek the index to the row instead of filtering from the start of it.
 */
export function keysetWhere<Row>(keys: SortKey<Row>[], values: unknown[], forward: boolean): object {
  const or: object[] = [];
  for (let i = 0; i < keys.length; i++) {
    const beyond = past(keys[i]!, values[i], forward);
    if (!beyond) continue;
    or.push({ AND: [...keys.slice(0, i).map((key, j) => equal(key.field, values[j])), beyond] });
  }
  const [first] = keys;
  const firstValue = values[0];
  const seek =
    first && firstValue !== null && !first.nullsLast
      ? [beyond(first, firstValue, forward, true)]
      : first && firstValue === null && forward
        ? [{ [first.field]: null }]
        : [];
  // No row lies past the last row of all: an OR of nothing would match everything.
  return { AND: [...seek, or.length ? { OR: or } : { id: { in: [] } }] };
}

/** The Prisma orderBy for the keys, reversed when reading backwards (nulls then first). */
export function keysetOrder<Row>(keys: SortKey<Row>[], forward: boolean): object[] {
  return keys.map((key) => {
    const dir = forward ? key.dir : key.dir === "asc" ? "desc" : "asc";
    return { [key.field]: key.nullsLast ? { sort: dir, nulls: forward ? "last" : "first" } : dir };
  });
}

const sortName = <Row>(keys: SortKey<Row>[]) => keys.map((k) => `${k.field}:${k.dir}`).join(",");

function cursorValues<Row>(keys: SortKey<Row>[], row: Row): CursorValue[] {
  return keys.map((key) => {
    const value = key.value(row);
    return value instanceof Date ? value.toISOString() : value;
  });
}

/** The cursor's values as the columns hold them; a 400 naming `cursor` if they cannot be. */
function columnValues<Row>(keys: SortKey<Row>[], values: CursorValue[]): unknown[] {
  if (values.length !== keys.length) throw badCursor();
  return keys.map((key, i) => {
    const value = values[i]!;
    if (value === null) {
      if (!key.nullsLast) throw badCursor();
      return null;
    }
    if (key.enumOrder && !key.enumOrder.includes(value)) throw badCursor();
    if (!key.date) return value;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw badCursor();
    return date;
  });
}

const badCursor = () =>
  validationFailed([{ path: "cursor", message: "Not a cursor of this list and sort: pass a nextCursor it gave" }]);

/**
 * One page of a list of versioned records: deleted ones for admins only, `limit + 1` rows read
 * to know whether another page follows. `keys` is the list's order for the filters, the id last.
 */
export async function readPage<F extends ListFilters, T>(
  actor: Actor | null,
  schema: z.ZodType<F>,
  input: unknown,
  keys: (filters: F) => SortKey<T>[],
  query: (db: Tx, filters: F, page: PageWindow) => Promise<[T[], number]>,
  /** Filters under which the list pages by position only (the as-of replay, which has no index to seek). */
  byPosition?: (filters: F) => boolean,
): Promise<ListPage<T>> {
  authorize(actor, "read");
  const filters = parseOrThrow(schema, input);
  if (filters.deleted) authorize(actor, "admin");
  const limit = filters.limit ?? LIMITS.pageSizeDefault;
  const order = keys(filters);
  const sort = sortName(order);
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (filters.cursor && (!cursor || cursor.sort !== sort)) throw badCursor();
  const db = await getDb();
  const read = (forward: boolean, after: object | null, skip: number) =>
    query(db, filters, { take: limit + 1, skip, after, orderBy: keysetOrder(order, forward) });

  let offset = cursor?.position ?? 0;
  let rows: T[];
  let total: number;
  let more = true;
  if (cursor?.before && !byPosition?.(filters)) {
    [rows, total] = await read(false, keysetWhere(order, columnValues(order, cursor.values), false), 0);
    rows.reverse();
    if (rows.length > limit) rows = rows.slice(1);
    else {
      // No full page before the cursor's row (rows were deleted or re-sorted meanwhile): the
      // first page, whole.
      [rows, total] = await read(true, null, 0);
      offset = 0;
      more = rows.length > limit;
      rows = rows.slice(0, limit);
    }
  } else {
    const positional = byPosition?.(filters) ?? false;
    const after = cursor && !positional ? keysetWhere(order, columnValues(order, cursor.values), true) : null;
    [rows, total] = await read(true, after, positional ? offset : 0);
    more = rows.length > limit;
    rows = rows.slice(0, limit);
  }
  const [first, last] = [rows[0], rows.at(-1)];
  const nextCursor =
    more && last
      ? encodeCursor({ sort, values: cursorValues(order, last), position: offset + limit, before: false })
      : null;
  const prevCursor =
    offset > 0 && first
      ? encodeCursor({ sort, values: cursorValues(order, first), position: Math.max(0, offset - limit), before: true })
      : null;
  return { items: rows, nextCursor, prevCursor, total, offset, limit };
}

import { z } from "zod";

// A list's cursor: opaque to clients, inside the sort key values and id of the row a page ended
// (or, going back, began) at, so the next page is an index seek past that row rather than an
// OFFSET that reads every row before it (issue 10: page 400 read 10,000 rows). It also carries
// which sort it belongs to, and the position of the page it leads to, for "26–50 of 75" and for
// the as-of replay, which still pages by position. Base64url of JSON, built with btoa/atob and
// TextEncoder so the same code runs in the browser, where lib/schemas is imported too.

const MAX_CURSOR_LENGTH = 2_000;

/** A sort key's value in a cursor: dates as ISO text, null for a null column. */
export type CursorValue = string | null;

export type ListCursor = {
  /** The sort it was made for ("lastMoved:desc"); a cursor from another sort is refused. */
  sort: string;
  /** The sort keys' values of the row, the id last. */
  values: CursorValue[];
  /** Where the page it leads to starts, counted from 0. */
  position: number;
  /** The page before the row rather than after it (a "previous" link). */
  before: boolean;
};

const PayloadSchema = z.strictObject({
  s: z.string().max(100),
  v: z.array(z.string().max(1_000).nullable()).min(1).max(8),
  n: z.int().min(0).max(1_000_000_000),
  b: z.literal(1).optional(),
});

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeCursor(cursor: ListCursor): string {
  const payload = { s: cursor.sort, v: cursor.values, n: cursor.position, ...(cursor.before ? { b: 1 } : {}) };
  return toBase64Url(JSON.stringify(payload));
}

/** The cursor's contents, or null when the text is not a cursor this app made. */
export function decodeCursor(text: string): ListCursor | null {
  if (text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    // Not base64url of UTF-8, not JSON, or not this payload: each throws, and the answer is null.
    const { s, v, n, b } = PayloadSchema.parse(JSON.parse(fromBase64Url(text)));
    return { sort: s, values: v, position: n, before: b === 1 };
  } catch {
    return null;
  }
}

/** Cursors are opaque to clients: the `nextCursor` (or previous-page cursor) of a page of the same list. */
export const CursorSchema = z
  .string({ error: "Cursor must be text" })
  .refine((text) => decodeCursor(text) !== null, "Not a valid cursor: pass a nextCursor this list gave");

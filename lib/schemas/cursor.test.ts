import { describe, expect, it } from "vitest";
import { CursorSchema, decodeCursor, encodeCursor, type ListCursor } from "./cursor";

describe("list cursors", () => {
  const cursor: ListCursor = {
    sort: "title:asc,id:asc",
    values: ["Визы İstanbul", "ckx1"],
    position: 25,
    before: true,
  };

  it("round-trip, non-ASCII sort values included, as URL-safe text", () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, values: [null, "x"], before: false }))).toEqual({
      ...cursor,
      values: [null, "x"],
      before: false,
    });
  });

  it.each([
    ["an offset, as cursors were", "20"],
    ["text that is not base64url", "a+b/c="],
    ["base64url of something else", btoa(JSON.stringify({ offset: 20 })).replace(/=+$/, "")],
    ["a negative position", encodeCursor({ ...cursor, position: -1 })],
    ["an empty string", ""],
  ])("refuse %s", (_what, text) => {
    expect(decodeCursor(text)).toBeNull();
    expect(CursorSchema.safeParse(text).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { zodIssues } from "../errors";
import { CursorSchema, decodeCursor, encodeCursor, type ListCursor } from "./cursor";

const urlSafe = (base64: string) => base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
/** Base64url of any JSON payload, as a client forging a cursor would make it. */
const forged = (payload: unknown) => urlSafe(btoa(JSON.stringify(payload)));

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

  it("round-trip whatever the padding base64 would need, and through - and _", () => {
    for (const id of ["a", "ab", "abc"]) {
      const each = { ...cursor, values: [id] };
      const text = encodeCursor(each);
      expect(text).not.toContain("=");
      expect(decodeCursor(text)).toEqual(each);
    }
    const both = { sort: "t", values: ["~????>", "id25"], position: 25, before: false };
    const text = encodeCursor(both);
    expect(text).toContain("-");
    expect(text).toContain("_");
    expect(decodeCursor(text)).toEqual(both);
    // The same payload as plain base64 (with + / and padding) is not a cursor this app made.
    const plain = btoa(JSON.stringify({ s: "t", v: ["~????>", "id25"], n: 25 }));
    expect(plain).toMatch(/[+/=]/);
    expect(decodeCursor(plain)).toBeNull();
  });

  it("mark a previous-page cursor only when it is one", () => {
    const next: ListCursor = { sort: "title:asc,id:asc", values: ["Visas", "ckx1"], position: 25, before: false };
    expect(decodeCursor(encodeCursor(next))?.before).toBe(false);
    expect(decodeCursor(encodeCursor({ ...next, before: true }))?.before).toBe(true);
    expect(encodeCursor(next)).toBe(forged({ s: next.sort, v: next.values, n: 25 }));
    expect(encodeCursor({ ...next, before: true })).toBe(forged({ s: next.sort, v: next.values, n: 25, b: 1 }));
  });

  it("take up to 2000 characters", () => {
    // {"s":"t","v":["…","…"],"n":0} of 1,500 bytes is 2,000 characters of base64url; one byte more, 2,002.
    const at = encodeCursor({ sort: "t", values: ["a".repeat(1000), "b".repeat(473)], position: 0, before: false });
    expect(at).toHaveLength(2000);
    expect(decodeCursor(at)).not.toBeNull();
    const past = encodeCursor({ sort: "t", values: ["a".repeat(1000), "b".repeat(474)], position: 0, before: false });
    expect(past).toHaveLength(2002);
    expect(decodeCursor(past)).toBeNull();
  });

  it("take each part up to its limit", () => {
    const parts = { s: "s".repeat(100), v: Array.from({ length: 8 }, () => "v".repeat(1000)), n: 1_000_000_000, b: 1 };
    expect(decodeCursor(forged({ ...parts, v: parts.v.slice(0, 1) }))).toEqual({
      sort: parts.s,
      values: parts.v.slice(0, 1),
      position: 1_000_000_000,
      before: true,
    });
    expect(decodeCursor(forged({ s: "", v: [null, "", "x", "y", "z", "1", "2", "3"], n: 0 }))).toEqual({
      sort: "",
      values: [null, "", "x", "y", "z", "1", "2", "3"],
      position: 0,
      before: false,
    });
  });

  it.each([
    ["an offset, as cursors were", () => "20"],
    ["text that is not base64url", () => "a+b/c="],
    ["base64url of something else", () => btoa(JSON.stringify({ offset: 20 })).replace(/=+$/, "")],
    ["a negative position", () => encodeCursor({ ...cursor, position: -1 })],
    ["an empty string", () => ""],
    ["a cursor with a space before it", () => ` ${encodeCursor(cursor)}`],
    ["a cursor with a space after it", () => `${encodeCursor(cursor)} `],
    ["a cursor cut short", () => encodeCursor(cursor).slice(0, -3)],
    ["base64url of text that is not JSON", () => forged("x").slice(1)],
    ["a sort of 101 characters", () => forged({ s: "s".repeat(101), v: ["x"], n: 0 })],
    ["a sort that is not text", () => forged({ s: 1, v: ["x"], n: 0 })],
    ["no values", () => forged({ s: "t", v: [], n: 0 })],
    ["nine values", () => forged({ s: "t", v: Array.from({ length: 9 }, () => "x"), n: 0 })],
    ["a value of 1,001 characters", () => forged({ s: "t", v: ["x".repeat(1001)], n: 0 })],
    ["a value that is a number", () => forged({ s: "t", v: [1], n: 0 })],
    ["a position past a billion", () => forged({ s: "t", v: ["x"], n: 1_000_000_001 })],
    ["a fractional position", () => forged({ s: "t", v: ["x"], n: 1.5 })],
    ["no position", () => forged({ s: "t", v: ["x"] })],
    ["a before flag other than 1", () => forged({ s: "t", v: ["x"], n: 0, b: 2 })],
    ["a key of its own", () => forged({ s: "t", v: ["x"], n: 0, x: 1 })],
    ["bytes that are not UTF-8", () => urlSafe(btoa('{"s":"\xff","v":["x"],"n":0}'))],
  ])("refuse %s", (_what, make) => {
    // Made inside the test, so that a broken encoder fails the test rather than the file's collection.
    const text = make();
    expect(decodeCursor(text)).toBeNull();
    expect(CursorSchema.safeParse(text).success).toBe(false);
  });

  it("say what a cursor must be", () => {
    expect(zodIssues(CursorSchema.safeParse("20").error!)).toEqual([
      { path: "", message: "Not a valid cursor: pass a nextCursor this list gave" },
    ]);
    expect(zodIssues(CursorSchema.safeParse(20).error!)).toEqual([{ path: "", message: "Cursor must be text" }]);
    expect(CursorSchema.parse(encodeCursor(cursor))).toBe(encodeCursor(cursor));
  });
});

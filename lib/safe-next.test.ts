import { describe, expect, it } from "vitest";
import { safeNext, signInPath } from "./safe-next";

describe("safeNext", () => {
  it("keeps a same-origin path with its query and fragment", () => {
    expect(safeNext("/grievances?party=russia&status=OPEN,STALLED")).toBe(
      "/grievances?party=russia&status=OPEN,STALLED",
    );
    expect(safeNext("/grievances/abc#timeline")).toBe("/grievances/abc#timeline");
    expect(safeNext("/")).toBe("/");
  });

  it("returns the path as the URL parser reads it, so what is checked is what the browser follows", () => {
    expect(safeNext("/a/../b")).toBe("/b");
    expect(safeNext("/a b")).toBe("/a%20b");
    // Percent-encoded slashes stay encoded: a path, not a host.
    expect(safeNext("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it("refuses anything that is not a path on the app", () => {
    for (const value of [
      undefined,
      null,
      42,
      ["/grievances"],
      "",
      "grievances",
      "https://evil.example/",
      "//evil.example",
      "///evil.example",
      "//evil.example/pwned",
      "https://evil.example//other.example",
      "/.//evil.example",
      "/a/..//evil.example",
      "/%2e%2e//evil.example",
      "javascript:alert(1)",
      "/".padEnd(2049, "a"),
    ]) {
      expect(safeNext(value), String(value)).toBe("/");
    }
  });

  it("refuses the ways browsers turn a path into another host: backslashes, tabs, newlines", () => {
    for (const value of [
      "/\\evil.example",
      "/\\/evil.example",
      "/\t/localhost:3999/pwned",
      "/\n/evil.example",
      "/\r/evil.example",
      "/\u000b/evil.example",
    ]) {
      expect(safeNext(value), JSON.stringify(value)).toBe("/");
    }
  });

  it("refuses every control character anywhere (C0, DEL, C1), not only the first after the slash", () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
    ];
    for (const code of controls) {
      const character = String.fromCharCode(code);
      expect(safeNext(`/grievances${character}x`), `U+${code.toString(16)}`).toBe("/");
      expect(safeNext(`/${character}/evil.example`), `U+${code.toString(16)}`).toBe("/");
    }
    // The character just past each range is an ordinary one.
    expect(safeNext("/a\u00a0b")).toBe("/a%C2%A0b");
  });
});

describe("signInPath", () => {
  it("sends a signed-out visit to sign-in with the page to come back to", () => {
    expect(signInPath("/grievances?party=russia")).toBe(
      `/sign-in?next=${encodeURIComponent("/grievances?party=russia")}`,
    );
  });

  it("leaves out Next's cache-busting _rsc parameter of a client navigation", () => {
    expect(signInPath("/grievances?party=russia&_rsc=1x2y")).toBe(
      `/sign-in?next=${encodeURIComponent("/grievances?party=russia")}`,
    );
    expect(signInPath("/meetings?_rsc=abc")).toBe(`/sign-in?next=${encodeURIComponent("/meetings")}`);
  });

  it("is plain /sign-in for the home page, an unknown path or an unsafe one", () => {
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
    expect(signInPath(undefined)).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
    expect(signInPath("/\t/evil.example")).toBe("/sign-in");
  });
});

import { describe, expect, it } from "vitest";
import { excerpt, highlight, matchRanges, searchTerms, termsFound } from "./search-highlight";

const marked = (text: string, query: string) =>
  highlight(text, searchTerms(query))
    .filter((segment) => segment.match)
    .map((segment) => segment.text);

describe("highlight", () => {
  it.each([
    ["Talks in İstanbul", "istanbul", ["İstanbul"]],
    ["Talks in Istanbul", "İSTANBUL", ["Istanbul"]],
    ["Hosted by Türkiye", "turkiye", ["Türkiye"]],
    ["TÜRKİYE airspace", "Türkiye", ["TÜRKİYE"]],
    ["Встреча в Москве", "москве", ["Москве"]],
    ["Ёлка", "елка", ["Ёлка"]],
    ["Decomposed: Tu\u0308rkiye", "turkiye", ["Tu\u0308rkiye"]],
    ["ΟΔΟΣ and οδος", "ΟΔΟΣ", ["ΟΔΟΣ", "οδος"]],
    ["the ﬁle", "file", ["ﬁle"]],
    ["Kırıkkale office", "kirikkale", ["Kırıkkale"]],
  ])("in %j, %j marks %j", (text, query, expected) => {
    expect(marked(text, query)).toEqual(expected);
  });

  it("keeps every character, in order, and marks each word wherever it stands", () => {
    const text = "Russia and Russian officials in Russia";
    const segments = highlight(text, searchTerms("russia"));
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(["Russia", "Russia", "Russia"]);
  });

  it("merges overlapping words into one mark", () => {
    expect(matchRanges("Istanbul", ["istan", "tanbul"])).toEqual([[0, 8]]);
    expect(marked("Istanbul round", "round istanbul")).toEqual(["Istanbul", "round"]);
  });

  it("marks nothing when no word is there, and gives the text back whole", () => {
    expect(highlight("Ankara", ["istanbul"])).toEqual([{ text: "Ankara", match: false }]);
    expect(highlight("", ["x"])).toEqual([{ text: "", match: false }]);
  });

  it("counts the words a text holds", () => {
    expect(termsFound("Talks in İstanbul, 2nd round", searchTerms("istanbul round ankara"))).toBe(2);
  });
});

describe("excerpt", () => {
  const long = `${"Before the word. ".repeat(20)}Here Istanbul stands. ${"After the word. ".repeat(20)}`;

  it("gives a short text whole, its spaces made single", () => {
    expect(excerpt("Short  text\nhere", ["text"])).toBe("Short text here");
  });

  it.each([70, 80, 83, 97])("cuts a long text around the first word, at spaces, marking the cuts (%i)", (length) => {
    const cut = excerpt(long, ["istanbul"], length);
    expect(cut).toContain("Istanbul");
    expect(cut.startsWith("…")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(length + 2);
    expect(cut.slice(1, -1)).toBe(cut.slice(1, -1).trim());
    // Whole words only: the passage starts after a space and ends before one.
    const flat = long.replace(/\s+/g, " ");
    const body = cut.slice(1, -1);
    const at = flat.indexOf(body);
    expect(at).toBeGreaterThan(0);
    expect([flat[at - 1], flat[at + body.length]]).toEqual([" ", " "]);
  });

  it("starts at the beginning when the word is there", () => {
    const cut = excerpt(`Istanbul ${"filler ".repeat(50)}`, ["istanbul"], 60);
    expect(cut.startsWith("Istanbul")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
  });
});

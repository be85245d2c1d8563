import { describe, expect, it } from "vitest";
import { buildSearchText, foldForSearch } from "./search";

// Expected outputs are written out. Cyrillic "е" (U+0435) looks like Latin "e", so the Cyrillic
// expectations spell it as an escape.
describe("foldForSearch", () => {
  it.each([
    // Accents go: NFKD splits "ü" into "u" and a combining mark, which is stripped.
    ["Türkiye", "turkiye"],
    ["TÜRKIYE", "turkiye"],
    // Turkish dotted capital İ: NFKD gives "I" and a combining dot; the dot goes, "I" lower-cases.
    ["İstanbul", "istanbul"],
    ["İSTANBUL", "istanbul"],
    ["ISTANBUL", "istanbul"],
    // Dotless ı has no decomposition: it is mapped to "i" on its own.
    ["ı", "i"],
    ["Iğdır", "igdir"],
    // Cyrillic ё and Ё fold to е (U+0435) through NFKD, like any accent.
    ["ё", "\u0435"],
    ["Ё", "\u0435"],
    ["ЁЛКА", "\u0435\u043b\u043a\u0430"],
    ["Москве", "\u043c\u043e\u0441\u043a\u0432\u0435"],
    // Compatibility forms are folded too (NFKD, not NFD): the ligature "ﬁ" is two letters.
    ["ﬁle", "file"],
    // Runs of whitespace become one space; the ends are trimmed.
    ["Zakharova’s  note\n", "zakharova’s note"],
    ["\t a \n\n b ", "a b"],
  ])("folds %j to %j", (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  // Prisma's `contains` does not escape LIKE's wildcards (prisma/prisma#19506): "%", "_" and "\"
  // fold to separators, in stored text and queries alike, so none can reach LIKE.
  it.each([
    ["%", ""],
    ["_", ""],
    ["\\", ""],
    ["%_\\", ""],
    ["50%", "50"],
    ["a%b", "a b"],
    ["a_b", "a b"],
    ["a\\b", "a b"],
    ["50% of the_staff\\x", "50 of the staff x"],
  ])("folds LIKE's wildcards and escape in %j to separators: %j", (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it("folds the query and the stored text alike, so a query in any case or accent is a substring", () => {
    const text = buildSearchText(["Встреча в Москве", "Talks in İstanbul", "Türkiye hosts"]);
    expect(text).toBe(
      "\u0432\u0441\u0442\u0440\u0435\u0447\u0430 \u0432 \u043c\u043e\u0441\u043a\u0432\u0435\ntalks in istanbul\nturkiye hosts",
    );
    for (const query of ["москве", "МОСКВЕ", "istanbul", "İSTANBUL", "turkiye", "TÜRKIYE"]) {
      expect(text).toContain(foldForSearch(query));
    }
    expect(text).not.toContain(foldForSearch("ankara"));
  });
});

describe("buildSearchText", () => {
  it("folds each part and joins them with a newline, skipping missing and blank parts", () => {
    expect(buildSearchText(["A", null, "", "  ", undefined, "B"])).toBe("a\nb");
    expect(buildSearchText([" Türkiye ", "İSTANBUL  talks"])).toBe("turkiye\nistanbul talks");
  });

  it("is empty when there is nothing to search", () => {
    expect(buildSearchText([])).toBe("");
    expect(buildSearchText([null, undefined, " \n"])).toBe("");
  });
});

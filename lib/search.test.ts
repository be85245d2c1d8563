import { describe, expect, it } from "vitest";
import { buildSearchText, foldForSearch } from "./search";

describe("foldForSearch", () => {
  it.each([
    ["Türkiye", "turkiye"],
    ["İstanbul", "istanbul"],
    ["ISTANBUL", "istanbul"],
    ["Москве", "москве"],
    ["ЁЛКА", "елка"],
    ["Iğdır", "igdir"],
    ["Zakharova’s  note\n", "zakharova’s note"],
  ])("folds %s to %s", (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it("makes a folded query a substring of the folded text, across scripts", () => {
    const text = buildSearchText(["Встреча в Москве", "Talks in İstanbul", "Türkiye hosts"]);
    for (const query of ["москве", "МОСКВЕ", "istanbul", "turkiye", "TÜRKIYE"]) {
      expect(text).toContain(foldForSearch(query));
    }
    expect(text).not.toContain(foldForSearch("ankara"));
  });

  it("folds LIKE's wildcards and escape to separators, so a query can never use them", () => {
    expect(foldForSearch("50% of the_staff\\x")).toBe("50 of the staff x");
    expect(foldForSearch("%")).toBe("");
  });

  it("skips empty parts", () => {
    expect(buildSearchText(["A", null, "", "  ", undefined, "B"])).toBe("a\nb");
  });
});

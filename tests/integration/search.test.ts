import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { listGrievances } from "@/lib/server/grievances";
import { makeGrievance } from "../support/factories";

// What a query finds, written out by hand: the expectations are the fixtures' names, not the
// result of lib/search.ts, so a query that is no longer folded (lower-cased only, say) fails
// here even if the stored text still is. Every grievance's search text also holds its first
// history reason, "Raised". Run on both databases, through the live list and the as-of list
// (a past day replays in SQL of its own, lib/server/as-of.ts).

const TITLES = {
  istanbul: "Consulate in Istanbul",
  dottedIstanbul: "İSTANBUL visas",
  turkiye: "Flights to Türkiye",
  dottedTurkiye: "TÜRKİYE airspace",
  yolka: "Ёлка at the embassy",
  yelena: "Елена's visa",
  percent: "100% done",
  underscore: "a_b",
  ankara: "Ankara office",
} as const;
type Fixture = keyof typeof TITLES;
const ALL = Object.keys(TITLES) as Fixture[];

const ids = {} as Record<Fixture, string>;
beforeAll(async () => {
  for (const key of ALL) ids[key] = (await makeGrievance({ title: TITLES[key], description: "" })).id;
});

const CASES: Array<[query: string, finds: Fixture[], why: string]> = [
  ["İSTANBUL", ["istanbul", "dottedIstanbul"], "a dotted capital İ is a plain i"],
  ["istanbul", ["istanbul", "dottedIstanbul"], "finds the title written with İ"],
  ["ISTANBUL", ["istanbul", "dottedIstanbul"], "case does not matter"],
  ["ıstanbul", ["istanbul", "dottedIstanbul"], "a dotless ı is a plain i"],
  ["turkiye", ["turkiye", "dottedTurkiye"], "ü without its diaeresis"],
  ["TÜRKİYE", ["turkiye", "dottedTurkiye"], "capitals, a diaeresis and a dotted İ"],
  ["Türkiye", ["turkiye", "dottedTurkiye"], "as the country writes itself"],
  ["ё", ["yolka", "yelena"], "ё is е"],
  ["Ё", ["yolka", "yelena"], "and so is its capital"],
  ["е", ["yolka", "yelena"], "е finds ёлка"],
  ["ёлка", ["yolka"], "a whole word with ё"],
  ["ЕЛКА", ["yolka"], "capital Cyrillic, written with е"],
  // "%", "_" and "\" separate words, on either side: never LIKE's wildcards.
  ["%", ALL, "no word: the whole list"],
  ["_", ALL, "no word: the whole list"],
  ["\\", ALL, "no word: the whole list"],
  ["100%", ["percent"], "the word before the sign"],
  ["done%100", ["percent"], "two words in any order (as a wildcard it would need 100 after done)"],
  ["b_a", ["istanbul", "dottedIstanbul", "yolka", "underscore"], "the words b and a (as a wildcard, b?a: none)"],
  ["a_b", ["istanbul", "dottedIstanbul", "yolka", "underscore"], "the same two words"],
  ["ankara%office", ["ankara"], "a separator between words"],
];

async function found(query: Record<string, string>): Promise<Fixture[]> {
  const page = await listGrievances(SYSTEM, { ...query, limit: "100" });
  const byId = new Map(ALL.map((key) => [ids[key], key]));
  expect(page.total).toBe(page.items.length);
  return page.items.map((item) => byId.get(item.id)!).sort();
}

describe("search folds the query as it folds the stored text", () => {
  it.each(CASES)("q=%s finds %j (%s)", async (q, finds) => {
    expect(await found({ q })).toEqual([...finds].sort());
  });

  it.each(CASES)("as of a past day, q=%s finds %j (%s)", async (q, finds) => {
    expect(await found({ q, asOf: "2025-06-01" })).toEqual([...finds].sort());
  });
});

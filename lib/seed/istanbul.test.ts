import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GRIEVANCES, MEETINGS, PARTIES, VENUES } from "./istanbul";

const editorial = fs.readFileSync(path.join(import.meta.dirname, "istanbul-talks-editorial.txt"), "utf8");

describe("the Istanbul seed", () => {
  it.each([...GRIEVANCES.map((g) => [g.title, g.quote]), ...MEETINGS.map((m) => [m.title, m.quote])])(
    "%s quotes the editorial verbatim",
    (_title, quote) => {
      expect(quote.length).toBeGreaterThan(10);
      expect(editorial).toContain(quote);
    },
  );

  it("has the six grievances the editorial names, with the right sides", () => {
    const sides = Object.fromEntries(
      GRIEVANCES.map((g) => [g.category, [g.raisedBy.join("+"), g.addressedTo.join("+")]]),
    );
    expect(sides).toEqual({
      LOCAL_STAFF: ["united-states", "russia"],
      PROPERTY: ["russia", "united-states"],
      FLIGHTS: ["russia", "united-states"],
      VISAS: ["united-states+russia", "united-states+russia"],
      BANKING: ["united-states+russia", "united-states+russia"],
      STAFFING: ["united-states+russia", "united-states+russia"],
    });
  });

  it("names only the parties and venues it seeds", () => {
    const partySlugs = new Set(PARTIES.map((p) => p.slug));
    const venueSlugs = new Set(VENUES.map((v) => v.slug));
    for (const g of GRIEVANCES)
      for (const slug of [...g.raisedBy, ...g.addressedTo]) expect(partySlugs).toContain(slug);
    for (const m of MEETINGS) {
      expect(venueSlugs).toContain(m.venue);
      for (const p of m.participants) expect(partySlugs).toContain(p.party);
    }
  });

  it("keeps the background facts' uncertainty visible", () => {
    const property = GRIEVANCES.find((g) => g.category === "PROPERTY")!;
    expect(property.description).toMatch(/which six it counts is uncertain/);
    expect(property.steps.round2?.note).toMatch(/Russian characterisation only/);
    expect(MEETINGS[0]!.participants[1]!.headOfDelegation).toMatch(/reported differently/);
  });
});

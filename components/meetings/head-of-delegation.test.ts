import { describe, expect, it } from "vitest";
import { parseHeadOfDelegation } from "./head-of-delegation";

describe("parseHeadOfDelegation", () => {
  it("splits name, title and sources", () => {
    expect(
      parseHeadOfDelegation(
        "Sonata Coulter, Deputy Assistant Secretary of State (State Department readout as quoted by Moscow Times, Kyiv Post)",
      ),
    ).toEqual({
      name: "Sonata Coulter",
      title: "Deputy Assistant Secretary of State",
      sources: "State Department readout as quoted by Moscow Times, Kyiv Post",
    });
  });

  it("keeps parentheses inside the title and takes only the trailing one as sources", () => {
    expect(
      parseHeadOfDelegation(
        "Alexander Darchiev, director of a Foreign Ministry department (its name is reported differently), then ambassador-designate (Meduza; Moscow Times; Hürriyet)",
      ),
    ).toEqual({
      name: "Alexander Darchiev",
      title: "director of a Foreign Ministry department (its name is reported differently), then ambassador-designate",
      sources: "Meduza; Moscow Times; Hürriyet",
    });
  });

  it("handles nested parentheses in the sources", () => {
    expect(parseHeadOfDelegation("A. Person (TASS (in Russian); Reuters)")).toEqual({
      name: "A. Person",
      title: null,
      sources: "TASS (in Russian); Reuters",
    });
  });

  it("leaves a plain name alone", () => {
    expect(parseHeadOfDelegation("  Jane   Doe ")).toEqual({ name: "Jane Doe", title: null, sources: null });
    expect(parseHeadOfDelegation("(unnamed)")).toEqual({ name: "(unnamed)", title: null, sources: null });
  });
});

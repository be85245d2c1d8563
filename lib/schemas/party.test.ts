import { describe, expect, it } from "vitest";
import { PartyUpdateSchema } from "./party";

describe("PartyUpdateSchema", () => {
  it("an empty kind leaves the kind as it is (the select's blank option)", () => {
    expect(PartyUpdateSchema.parse({ version: 1, kind: "" }).kind).toBeUndefined();
    expect(PartyUpdateSchema.parse({ version: 1, kind: "STATE" }).kind).toBe("STATE");
    expect(PartyUpdateSchema.safeParse({ version: 1, kind: "EMPIRE" }).success).toBe(false);
  });
});

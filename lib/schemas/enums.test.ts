import { describe, expect, it } from "vitest";
import { GRIEVANCE_CATEGORIES, GRIEVANCE_STATUSES, GrievanceCategorySchema, GrievanceStatusSchema } from "./enums";

// What a form shows beside an enum field: "Choose …" when nothing was chosen, the allowed values
// when something else was sent.

describe("the enum fields' messages", () => {
  const message = (schema: typeof GrievanceStatusSchema | typeof GrievanceCategorySchema, input: unknown) =>
    schema.safeParse(input).error?.issues[0]?.message;

  it("nothing chosen: asks to choose", () => {
    for (const input of [undefined, ""]) {
      expect(message(GrievanceStatusSchema, input)).toBe("Choose a status");
      expect(message(GrievanceCategorySchema, input)).toBe("Choose a category");
    }
  });

  it("something else: lists what is allowed", () => {
    for (const input of ["CLOSED", 3, null]) {
      expect(message(GrievanceStatusSchema, input)).toBe(`Must be one of ${GRIEVANCE_STATUSES.join(", ")}`);
      expect(message(GrievanceCategorySchema, input)).toBe(`Must be one of ${GRIEVANCE_CATEGORIES.join(", ")}`);
    }
    expect(GRIEVANCE_STATUSES.join(", ")).toContain("OPEN, IN_NEGOTIATION");
  });
});

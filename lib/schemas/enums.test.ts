import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_STATUSES,
  GrievanceCategorySchema,
  GrievanceStatusSchema,
  MEETING_STATUSES,
  MeetingStatusSchema,
  PARTICIPANT_ROLES,
  ParticipantRoleSchema,
  PARTY_KINDS,
  PartyKindSchema,
} from "./enums";

// What a form shows beside an enum field: "Choose …" when nothing was chosen, the allowed values
// when something else was sent.

const message = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;

describe("the enum fields' messages", () => {
  it("nothing chosen: asks to choose", () => {
    for (const input of [undefined, ""]) {
      expect(message(GrievanceStatusSchema, input)).toBe("Choose a status");
      expect(message(GrievanceCategorySchema, input)).toBe("Choose a category");
    }
  });

  it("something else: lists what is allowed", () => {
    for (const input of ["CLOSED", 3, null, " "]) {
      expect(message(GrievanceStatusSchema, input)).toBe(`Must be one of ${GRIEVANCE_STATUSES.join(", ")}`);
      expect(message(GrievanceCategorySchema, input)).toBe(`Must be one of ${GRIEVANCE_CATEGORIES.join(", ")}`);
    }
    expect(GRIEVANCE_STATUSES.join(", ")).toContain("OPEN, IN_NEGOTIATION");
  });

  it("the other vocabularies list what is allowed, chosen or not", () => {
    for (const input of [undefined, "", "open", 1]) {
      expect(message(MeetingStatusSchema, input)).toBe("Must be one of PLANNED, HELD, POSTPONED, CANCELLED");
      expect(message(ParticipantRoleSchema, input)).toBe("Must be one of DELEGATION, HOST, MEDIATOR, OBSERVER");
      expect(message(PartyKindSchema, input)).toBe("Must be one of STATE, ORGANIZATION, OTHER");
    }
  });

  it("take each of their words as it is", () => {
    for (const [schema, words] of [
      [GrievanceStatusSchema, GRIEVANCE_STATUSES],
      [GrievanceCategorySchema, GRIEVANCE_CATEGORIES],
      [MeetingStatusSchema, MEETING_STATUSES],
      [ParticipantRoleSchema, PARTICIPANT_ROLES],
      [PartyKindSchema, PARTY_KINDS],
    ] as const) {
      for (const word of words) expect(schema.parse(word)).toBe(word);
    }
  });
});

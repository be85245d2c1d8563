import { z } from "zod";
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_STATUSES,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
  PARTY_KINDS,
} from "@/lib/vocabulary";

// The schemas of the domain's vocabularies (lib/vocabulary.ts, re-exported here so that server
// code and forms keep one import). Client components that need only a word or a list import
// lib/vocabulary instead: this module brings zod with it.

export * from "@/lib/vocabulary";

export const GrievanceStatusSchema = z.enum(GRIEVANCE_STATUSES, {
  error: (issue) =>
    issue.input === undefined || issue.input === ""
      ? "Choose a status"
      : `Must be one of ${GRIEVANCE_STATUSES.join(", ")}`,
});

export const GrievanceCategorySchema = z.enum(GRIEVANCE_CATEGORIES, {
  error: (issue) =>
    issue.input === undefined || issue.input === ""
      ? "Choose a category"
      : `Must be one of ${GRIEVANCE_CATEGORIES.join(", ")}`,
});

export const MeetingStatusSchema = z.enum(MEETING_STATUSES, {
  error: () => `Must be one of ${MEETING_STATUSES.join(", ")}`,
});

export const ParticipantRoleSchema = z.enum(PARTICIPANT_ROLES, {
  error: () => `Must be one of ${PARTICIPANT_ROLES.join(", ")}`,
});

export const PartyKindSchema = z.enum(PARTY_KINDS, {
  error: () => `Must be one of ${PARTY_KINDS.join(", ")}`,
});

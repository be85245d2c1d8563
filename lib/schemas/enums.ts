import { z } from "zod";

// The vocabularies of the domain (docs/decisions/003-status-rules.md), with the words analysts
// read. Importable by the browser: no server code here.

export const GRIEVANCE_STATUSES = [
  "OPEN",
  "IN_NEGOTIATION",
  "PARTIALLY_RESOLVED",
  "RESOLVED",
  "STALLED",
  "WITHDRAWN",
] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];
export const GrievanceStatusSchema = z.enum(GRIEVANCE_STATUSES, {
  error: (issue) =>
    issue.input === undefined || issue.input === ""
      ? "Choose a status"
      : `Must be one of ${GRIEVANCE_STATUSES.join(", ")}`,
});
export const GRIEVANCE_STATUS_LABELS: Record<GrievanceStatus, string> = {
  OPEN: "Open",
  IN_NEGOTIATION: "In negotiation",
  PARTIALLY_RESOLVED: "Partially resolved",
  RESOLVED: "Resolved",
  STALLED: "Stalled",
  WITHDRAWN: "Withdrawn",
};
/** Statuses that still need work: what "open grievances" means on the overview. */
export const UNSETTLED_GRIEVANCE_STATUSES: readonly GrievanceStatus[] = [
  "OPEN",
  "IN_NEGOTIATION",
  "PARTIALLY_RESOLVED",
  "STALLED",
];

export const GRIEVANCE_CATEGORIES = [
  "LOCAL_STAFF",
  "PROPERTY",
  "VISAS",
  "FLIGHTS",
  "BANKING",
  "STAFFING",
  "OTHER",
] as const;
export type GrievanceCategory = (typeof GRIEVANCE_CATEGORIES)[number];
export const GrievanceCategorySchema = z.enum(GRIEVANCE_CATEGORIES, {
  error: (issue) =>
    issue.input === undefined || issue.input === ""
      ? "Choose a category"
      : `Must be one of ${GRIEVANCE_CATEGORIES.join(", ")}`,
});
export const GRIEVANCE_CATEGORY_LABELS: Record<GrievanceCategory, string> = {
  LOCAL_STAFF: "Local staff",
  PROPERTY: "Property",
  VISAS: "Visas",
  FLIGHTS: "Flights",
  BANKING: "Banking",
  STAFFING: "Staffing",
  OTHER: "Other",
};

export const MEETING_STATUSES = ["PLANNED", "HELD", "POSTPONED", "CANCELLED"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MeetingStatusSchema = z.enum(MEETING_STATUSES, {
  error: () => `Must be one of ${MEETING_STATUSES.join(", ")}`,
});
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: "Planned",
  HELD: "Held",
  POSTPONED: "Postponed",
  CANCELLED: "Cancelled",
};

export const PARTICIPANT_ROLES = ["DELEGATION", "HOST", "MEDIATOR", "OBSERVER"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const ParticipantRoleSchema = z.enum(PARTICIPANT_ROLES, {
  error: () => `Must be one of ${PARTICIPANT_ROLES.join(", ")}`,
});
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  DELEGATION: "Delegation",
  HOST: "Host",
  MEDIATOR: "Mediator",
  OBSERVER: "Observer",
};

export const PARTY_KINDS = ["STATE", "ORGANIZATION", "OTHER"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PartyKindSchema = z.enum(PARTY_KINDS, {
  error: () => `Must be one of ${PARTY_KINDS.join(", ")}`,
});
export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  STATE: "State",
  ORGANIZATION: "Organisation",
  OTHER: "Other",
};

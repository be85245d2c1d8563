// The vocabularies of the domain (docs/decisions/003-status-rules.md), with the words analysts
// read. No zod and no server code: client components (badges, pickers, the bulk status form)
// import these from here, so a label does not bring zod (~32 KB gzipped) into a page's
// JavaScript. lib/schemas/enums.ts builds the schemas from them and re-exports them.

export const GRIEVANCE_STATUSES = [
  "OPEN",
  "IN_NEGOTIATION",
  "PARTIALLY_RESOLVED",
  "RESOLVED",
  "STALLED",
  "WITHDRAWN",
] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];
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
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: "Planned",
  HELD: "Held",
  POSTPONED: "Postponed",
  CANCELLED: "Cancelled",
};

export const PARTICIPANT_ROLES = ["DELEGATION", "HOST", "MEDIATOR", "OBSERVER"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  DELEGATION: "Delegation",
  HOST: "Host",
  MEDIATOR: "Mediator",
  OBSERVER: "Observer",
};

export const PARTY_KINDS = ["STATE", "ORGANIZATION", "OTHER"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  STATE: "State",
  ORGANIZATION: "Organisation",
  OTHER: "Other",
};

import { formatDate, formatDateTime } from "@/components/ui/format";
import {
  GRIEVANCE_CATEGORY_LABELS,
  GRIEVANCE_STATUS_LABELS,
  PARTICIPANT_ROLE_LABELS,
  PARTY_KIND_LABELS,
} from "@/lib/schemas/enums";
import type { FieldChange } from "@/lib/schemas/revision";

// A revision's field values as a reader reads them. Revisions store what the API serves (enum
// values, ISO instants, slugs), so the page turns them into the words the rest of the app shows.

type Value = FieldChange["before"];

/** The fields whose values are a vocabulary's, by field name, with the words for each value. */
const VOCABULARIES: Record<string, Record<string, string>> = {
  category: GRIEVANCE_CATEGORY_LABELS,
  kind: PARTY_KIND_LABELS,
  statusAfter: GRIEVANCE_STATUS_LABELS,
};

/** A participant as a revision keeps it, "russia (DELEGATION, Sergei Lavrov)": its role in words. */
function participantText(entry: string): string {
  return entry.replace(
    /\(([A-Z_]+)(?=[,)])/,
    (_match, role: string) => `(${PARTICIPANT_ROLE_LABELS[role as keyof typeof PARTICIPANT_ROLE_LABELS] ?? role}`,
  );
}

function itemText(field: string, item: string): string {
  if (field === "participants") return participantText(item);
  return VOCABULARIES[field]?.[item] ?? item;
}

/** "raisedBy" → "raised by". */
export function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A value as words: a vocabulary's label, a list joined, an ISO instant at midnight UTC as its day. */
export function valueText(field: string, value: Value): string {
  if (value === null || value === "") return "";
  if (Array.isArray(value)) return value.map((item) => itemText(field, item)).join(", ");
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value)) return formatDate(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) {
    return formatDateTime(value);
  }
  return typeof value === "string" ? itemText(field, value) : String(value);
}

import type { ActionState } from "./action-state";
import type { GrievanceStatus } from "@/lib/schemas/enums";

// Forms with rows (a meeting's participants, an outcome's grievances) render a few blank rows so
// they work without JavaScript. Blank rows are dropped before validation; the rows that remain
// are renumbered, so errors from the server are mapped back to the row the analyst sees.
// Importable by client components: no server code here.

export type RowValues = Record<string, string>;

/** Fresh status and version of each grievance in a refused outcome (CONFLICT), by id. */
export type FreshGrievances = Record<string, { status: GrievanceStatus; version: number }>;

export type OutcomeFormState = ActionState<{ saved: number; moved: number }> & { fresh?: FreshGrievances };

export type PreparedRows = {
  /** The rows to send, in order. */
  rows: RowValues[];
  /** sourceIndex[i] is the form row that rows[i] came from. */
  sourceIndex: number[];
  /** Errors found while preparing, keyed by the form's own row numbers. */
  fieldErrors: Record<string, string>;
};

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The rows of a list field as posted (formDataToObject makes them an array of objects). */
export function rowList(value: unknown): RowValues[] {
  const list = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : [];
  return list.map((row) => {
    const out: RowValues = {};
    if (row && typeof row === "object") {
      for (const [key, v] of Object.entries(row)) if (typeof v === "string") out[key] = v;
    }
    return out;
  });
}

/**
 * Participants: a row without a party is blank unless a head of delegation was typed in it, which
 * means the analyst forgot the party. The role select always has a value, so it does not count.
 */
export function prepareParticipantRows(value: unknown): PreparedRows {
  const prepared: PreparedRows = { rows: [], sourceIndex: [], fieldErrors: {} };
  rowList(value).forEach((row, index) => {
    const party = text(row.party);
    const head = text(row.headOfDelegation);
    if (!party) {
      if (head)
        prepared.fieldErrors[`participants.${index}.party`] = "Choose the party this head of delegation belongs to";
      return;
    }
    const kept: RowValues = { party };
    if (text(row.role)) kept.role = text(row.role);
    if (head) kept.headOfDelegation = head;
    prepared.rows.push(kept);
    prepared.sourceIndex.push(index);
  });
  return prepared;
}

/**
 * Outcome rows: a row with neither a new status nor a note records nothing, so it is skipped
 * (prefilled agenda rows the analyst leaves alone, and blank rows). A row with a status or a note
 * but no grievance is a mistake worth naming.
 */
export function prepareOutcomeRows(value: unknown): PreparedRows {
  const prepared: PreparedRows = { rows: [], sourceIndex: [], fieldErrors: {} };
  rowList(value).forEach((row, index) => {
    const grievanceId = text(row.grievanceId);
    const status = text(row.status);
    const note = text(row.note);
    if (!status && !note) return;
    if (!grievanceId) {
      prepared.fieldErrors[`outcomes.${index}.grievanceId`] = "Choose the grievance this row is about";
      return;
    }
    const kept: RowValues = { grievanceId, note };
    if (status) kept.status = status;
    if (text(row.version)) kept.version = text(row.version);
    prepared.rows.push(kept);
    prepared.sourceIndex.push(index);
  });
  return prepared;
}

/** Maps "outcomes.1.note" (index into the rows sent) back to the form's row number. */
export function remapRowErrors(
  fieldErrors: Record<string, string>,
  list: string,
  sourceIndex: readonly number[],
): Record<string, string> {
  const pattern = new RegExp(`^${list}\\.(\\d+)(\\..*)?$`);
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const match = pattern.exec(key);
    const sent = match ? Number(match[1]) : NaN;
    const mapped = match && sourceIndex[sent] !== undefined ? `${list}.${sourceIndex[sent]}${match[2] ?? ""}` : key;
    if (!(mapped in out)) out[mapped] = message;
  }
  return out;
}

import { targetsOf, type FieldSpec } from "@/components/forms/field-control";
import type { FieldTargets } from "@/components/forms/summary";
import { formatDate } from "@/components/ui/format";
import { OCCURRED_FIELDS } from "@/lib/forms/occurred-at";
import { rowList, type FreshGrievances, type OutcomeFormState, type RowValues } from "@/lib/forms/rows";
import type { GrievanceStatus } from "@/lib/schemas/enums";

// The rows of the outcome form as data: where they start, how a grievance is chosen in one, and
// how fresher statuses (a refused save's `fresh`, a read on pick) are taken in. Kept apart from
// the markup so that it is tested as plain data (outcome-rows.test.ts).

export type GrievanceOption = { id: string; title: string; status: GrievanceStatus; version: number };

export type Row = {
  key: number;
  /** "agenda": the grievance is fixed; "pick": chosen in the row with a select. */
  kind: "agenda" | "pick";
  grievanceId: string;
  /** The grievance's version as this form knows it ("" when not known: picked without JavaScript). */
  version: string;
  /** Its status as this form knows it. */
  now: GrievanceStatus | null;
  status: string;
  note: string;
  /** When this row's move and note happened, if not at the batch's date: "" follows the batch. */
  occurredDate: string;
  /** Its time of day (UTC), with `occurredDate`. */
  occurredTime: string;
  /** Someone else moved this grievance after the form knew it (a refused save or a fresh read said so). */
  changed: boolean;
};

const NO_JS_BLANK_ROWS = 2;

export function blankRow(key: number): Row {
  return {
    key,
    kind: "pick",
    grievanceId: "",
    version: "",
    now: null,
    status: "",
    note: "",
    occurredDate: "",
    occurredTime: "",
    changed: false,
  };
}

/** A row once a grievance is chosen in it: its status and version as the options know them. */
export function pickGrievance(row: Row, id: string, option: GrievanceOption | undefined): Row {
  return {
    ...row,
    grievanceId: id,
    version: option ? String(option.version) : "",
    now: option?.status ?? null,
    status: row.status === option?.status ? "" : row.status,
    changed: false,
  };
}

/**
 * Takes newer statuses and versions into the rows about those grievances, flagging the rows whose
 * grievance moved after this form knew it. Versions only grow, so an older answer changes nothing.
 */
export function applyFresh(rows: Row[], fresh: FreshGrievances): Row[] {
  return rows.map((row) => {
    const current = fresh[row.grievanceId];
    if (!current || (row.version !== "" && Number(row.version) >= current.version)) return row;
    return {
      ...row,
      version: String(current.version),
      now: current.status,
      // The select does not offer the status it now has; choosing it would move nothing anyway.
      status: row.status === current.status ? "" : row.status,
      changed: row.version !== "",
    };
  });
}

/** The rows to start from: what was posted (a refused save without JavaScript), else the agenda plus blank rows. */
export function initialRows(
  state: OutcomeFormState,
  agenda: readonly GrievanceOption[],
  options: readonly GrievanceOption[],
): Row[] {
  const byId = new Map(options.map((o) => [o.id, o]));
  const posted: RowValues[] = state.status === "error" ? rowList(state.values?.outcomes) : [];
  let rows: Row[];
  if (posted.length) {
    rows = posted.map((r, i) => {
      const id = r.grievanceId ?? "";
      return {
        key: i,
        kind: agenda[i]?.id === id && id !== "" ? "agenda" : "pick",
        grievanceId: id,
        version: r.version ?? "",
        now: byId.get(id)?.status ?? null,
        status: r.status ?? "",
        note: r.note ?? "",
        occurredDate: r[OCCURRED_FIELDS.date] ?? "",
        occurredTime: r[OCCURRED_FIELDS.time] ?? "",
        changed: false,
      };
    });
  } else {
    rows = [
      ...agenda.map((g, i) => ({
        ...blankRow(i),
        kind: "agenda" as const,
        grievanceId: g.id,
        version: String(g.version),
        now: g.status,
      })),
      ...Array.from({ length: agenda.length ? NO_JS_BLANK_ROWS : NO_JS_BLANK_ROWS + 1 }, (_, i) =>
        blankRow(agenda.length + i),
      ),
    ];
  }
  return state.status === "error" && state.fresh ? applyFresh(rows, state.fresh) : rows;
}

export function rowName(row: Row, index: number, titles: Map<string, string>): string {
  return titles.get(row.grievanceId) ?? `row ${index + 1}`;
}

export const SOURCE: FieldSpec = {
  name: "sourceUrl",
  id: "outcome-source",
  label: "Source URL",
  optional: true,
  hint: "A readout or report; cited by every status change in this outcome.",
  className: "min-w-72 flex-1",
  control: { type: "url", inputMode: "url", placeholder: "https://…", className: "max-w-xl" },
};

/** When the outcome's moves and notes happened: the meeting's date unless the analyst gives another. */
export const OCCURRED_DATE: FieldSpec = {
  name: OCCURRED_FIELDS.date,
  id: "outcome-date",
  label: "Happened on",
  optional: true,
  hint: "The meeting's date unless it happened on another day; a row's own date wins. Not in the future.",
  className: "w-56",
  control: { type: "date" },
};

export const OCCURRED_TIME: FieldSpec = {
  name: OCCURRED_FIELDS.time,
  id: "outcome-time",
  label: "Time (UTC)",
  optional: true,
  className: "w-32",
  control: { type: "time" },
};

/** What an undated row says it will be dated at: the batch's date as it stands once the page is live. */
export function rowDateDefault(batchDate: string, live: boolean): string {
  return live && batchDate ? `Same as the outcome: ${formatDate(batchDate)}` : "Blank: the outcome’s date";
}

/**
 * The row fields the server may name in an error, with the control of the row that shows it
 * (`outcome-N-<control>`) and how the summary names it. The server names a row's date `occurredAt`.
 */
const ROW_FIELDS = {
  grievanceId: { control: "grievance", label: "Grievance" },
  version: { control: "grievance", label: "Grievance" },
  status: { control: "status", label: "New status" },
  note: { control: "note", label: "Note" },
  [OCCURRED_FIELDS.api]: { control: "date", label: "Date" },
  [OCCURRED_FIELDS.date]: { control: "date", label: "Date" },
  [OCCURRED_FIELDS.time]: { control: "time", label: "Time" },
} as const;
type RowField = keyof typeof ROW_FIELDS;

const isRowField = (field: string): field is RowField => Object.hasOwn(ROW_FIELDS, field);

/** The summary's targets: the source and date, then each row field that was refused, named by its grievance. */
export function fieldTargets(
  state: OutcomeFormState,
  agenda: readonly GrievanceOption[],
  titles: Map<string, string>,
): FieldTargets {
  const fields: FieldTargets = {
    ...targetsOf([SOURCE]),
    // The server names the date `occurredAt`.
    [OCCURRED_FIELDS.api]: { htmlFor: OCCURRED_DATE.id, label: OCCURRED_DATE.label },
  };
  if (state.status !== "error") return fields;
  const rowsSeen = rowList(state.values?.outcomes);
  for (const path of Object.keys(state.fieldErrors)) {
    const match = /^outcomes\.(\d+)(?:\.(\w+))?$/.exec(path);
    const field = match?.[2] ?? "grievanceId";
    if (!match || !isRowField(field)) continue;
    const index = Number(match[1]);
    // An error on the row as a whole belongs to its grievance.
    const { control, label } = ROW_FIELDS[field];
    const id = rowsSeen[index]?.grievanceId ?? "";
    const name = titles.get(id) ?? `row ${index + 1}`;
    fields[path] = {
      // An agenda row has no grievance control; its row-level errors point at its status select.
      htmlFor:
        control === "grievance" && agenda[index]?.id === id && id
          ? `outcome-${index}-status`
          : `outcome-${index}-${control}`,
      label: `${label} for ${name}`,
    };
  }
  return fields;
}

import "server-only";
import { CsvError, parse } from "csv-parse/sync";
import {
  csvRowToGrievance,
  GRIEVANCE_CSV_COLUMNS,
  type GrievanceCsvColumn,
  type GrievanceCsvFields,
} from "@/lib/csv/grievance-columns";
import { AppError, isAppError, issuePath, validationFailed } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import { GRIEVANCE_STATUS_LABELS, GRIEVANCE_STATUSES, type GrievanceStatus } from "@/lib/schemas/enums";
import { GrievanceCreateSchema } from "@/lib/schemas/grievance";
import type { GrievanceImportReport, GrievanceImportResult, ImportIssue, ImportRow } from "@/lib/schemas/import";
import type { PartyRef } from "@/lib/schemas/party";
import { foldForSearch } from "@/lib/search";
import { authorize, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { applyGrievanceChange, insertGrievance } from "./grievances";
import { mutate } from "./mutation";
import { partyRefSelect } from "./parties";

// Grievances from a CSV file (issue 11): the dry run reports, row by row, what applying would
// create and every problem; applying validates the same way again (the file may come back from a
// browser, and parties may have changed since) and writes every row in one transaction, or none.
// The file's columns are lib/csv/grievance-columns.ts's, so an exported file imports back.

/** The columns a file must have; the others may be missing (an exported file has them all). */
const REQUIRED_COLUMNS: readonly GrievanceCsvColumn[] = ["title", "category", "raisedBy", "addressedTo"];

/** The reason of the first move of a grievance whose file row had a status other than OPEN. */
export const importedStatusReason = (status: GrievanceStatus) =>
  `Imported with status ${GRIEVANCE_STATUS_LABELS[status]} from a CSV file`;

/** The reason of every imported grievance's raising (createGrievance's first history entry). */
export const IMPORTED_REASON = "Imported from a CSV file";

/**
 * One importing transaction writes every row, each as createGrievance writes one (about 15
 * queries): measured on the shared 2-core machine under load, 1,000 rows took 121 s on SQLite and
 * ran past 120 s on PostgreSQL, hence LIMITS.importRows and this bound, well past Prisma's 5 s.
 */
const IMPORT_TIMEOUT_MS = 180_000;

/**
 * Whether the transaction ran past its timeout and was rolled back: Prisma's P2028, raw or as
 * mutate() may report it (a CONFLICT, "busy"), or, once the time is up, whatever the driver says
 * of a query on the closed transaction (which error comes depends on where the expiry struck). An
 * import creates rows and compares no version, so past its time only its own refusals (a bad row,
 * a permission) are not the expiry.
 */
export function transactionExpired(error: unknown, elapsedMs: number, timeoutMs: number): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ((error as { code?: unknown }).code === "P2028") return true;
  if (elapsedMs < timeoutMs) return false;
  return !isAppError(error) || error.code === "CONFLICT";
}

type PartyIndex = {
  /** Folded slug or name → the parties it names (more than one: a name two parties share). */
  byKey: Map<string, PartyRef[]>;
};

async function partyIndex(tx: Tx): Promise<PartyIndex> {
  const parties = await tx.party.findMany({ where: { deletedAt: null }, select: partyRefSelect });
  const byKey = new Map<string, PartyRef[]>();
  for (const party of parties) {
    for (const key of new Set([foldForSearch(party.slug), foldForSearch(party.name)])) {
      // The Set gives a party whose slug and name fold alike one key, so it is listed once under it.
      const named = byKey.get(key) ?? [];
      named.push(party);
      byKey.set(key, named);
    }
  }
  return { byKey };
}

/** A cell's text with the line breaks inside it as "\n": a browser's form post makes them CRLF. */
const normaliseBreaks = (text: string) => text.replace(/\r\n?/g, "\n");

/** The file as a header and rows of cells; a file that is not CSV at all is a 400 naming where. */
function readCsv(text: string): { header: string[]; records: { row: number; cells: string[] }[] } {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > LIMITS.importBytes) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file is ${bytes.toLocaleString("en")} bytes; an import takes at most ${LIMITS.importBytes.toLocaleString("en")} bytes (1 MB). Split it into smaller files.`,
    );
  }
  let records: string[][];
  try {
    // bom: Excel's "CSV UTF-8" starts with one; the record delimiter (LF or Excel's CRLF) is detected.
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const message = `The file is not valid CSV: ${error.message}`;
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: "file", message }] });
  }
  const [header, ...rest] = records;
  if (!header || header.every((cell) => cell.trim() === "")) {
    const message = `The file is empty; its first line must name the columns: ${GRIEVANCE_CSV_COLUMNS.join(",")}`;
    throw new AppError("VALIDATION_FAILED", message, { issues: [{ path: "file", message }] });
  }
  const rows = rest
    .map((cells, index) => ({ row: index + 2, cells }))
    // A blank line (a spreadsheet's empty last row) is no grievance.
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ""));
  if (rows.length > LIMITS.importRows) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file has ${rows.length.toLocaleString("en")} rows; an import takes at most ${LIMITS.importRows.toLocaleString("en")}. Split it into smaller files.`,
    );
  }
  return { header: header.map((name) => name.trim()), records: rows };
}

/** The header's problems (row 1): unknown, repeated and missing columns. */
function headerIssues(header: string[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const known = new Set<string>(GRIEVANCE_CSV_COLUMNS);
  const seen = new Set<string>();
  for (const name of header) {
    if (!known.has(name)) {
      issues.push({
        row: 1,
        column: name,
        message: `Unknown column "${name}"; the columns are ${GRIEVANCE_CSV_COLUMNS.join(", ")}`,
      });
    } else if (seen.has(name)) {
      issues.push({ row: 1, column: name, message: `Column "${name}" appears twice` });
    }
    seen.add(name);
  }
  for (const name of REQUIRED_COLUMNS) {
    if (!seen.has(name)) issues.push({ row: 1, column: name, message: `The file has no "${name}" column` });
  }
  return issues;
}

type PlannedRow = {
  report: ImportRow;
  /** GrievanceCreateSchema's output, when the row is valid. */
  create?: ReturnType<typeof GrievanceCreateSchema.parse>;
  status?: GrievanceStatus;
  errors: ImportIssue[];
};

type Plan = { rows: PlannedRow[]; errors: ImportIssue[]; unknownParties: string[] };

/** Matches a party cell's entries by slug or name, case and accents folded (lib/search.ts). */
function matchParties(
  entries: string[],
  column: "raisedBy" | "addressedTo",
  row: number,
  index: PartyIndex,
  unknown: Map<string, string>,
  errors: ImportIssue[],
): PartyRef[] {
  const found: PartyRef[] = [];
  for (const entry of entries) {
    const key = foldForSearch(entry);
    const named = index.byKey.get(key) ?? [];
    if (named.length === 0) {
      // Listed once, as first spelt: "Atlantis" and "atlantis" are one missing party.
      if (!unknown.has(key)) unknown.set(key, entry);
      errors.push({ row, column, message: `Unknown party "${entry}"` });
    } else if (named.length > 1) {
      const slugs = named.map((p) => p.slug).join(", ");
      errors.push({ row, column, message: `"${entry}" names several parties (${slugs}); give the slug` });
    } else if (!found.some((p) => p.slug === named[0]!.slug)) {
      found.push(named[0]!);
    }
  }
  return found;
}

/** Checks one row with the grievance create schema, the same rules a form or the API applies. */
function planRow(fields: GrievanceCsvFields, row: number, index: PartyIndex, unknown: Map<string, string>): PlannedRow {
  const errors: ImportIssue[] = [];
  const raisedBy = matchParties(fields.raisedBy, "raisedBy", row, index, unknown, errors);
  const addressedTo = matchParties(fields.addressedTo, "addressedTo", row, index, unknown, errors);
  const partyColumnsReported = new Set(errors.map((e) => e.column));
  const parsed = GrievanceCreateSchema.safeParse({
    title: normaliseBreaks(fields.title),
    description: normaliseBreaks(fields.description),
    category: fields.category,
    raisedBy: raisedBy.map((p) => p.slug),
    addressedTo: addressedTo.map((p) => p.slug),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? "");
      // "needs at least one party" after its only entry was unknown says the same thing twice.
      if (partyColumnsReported.has(column)) continue;
      errors.push({ row, column: column || issuePath(issue.path), message: issue.message });
    }
  }
  let status: GrievanceStatus | null = "OPEN";
  if (fields.status !== "") {
    status = (GRIEVANCE_STATUSES as readonly string[]).includes(fields.status)
      ? (fields.status as GrievanceStatus)
      : null;
    if (!status) errors.push({ row, column: "status", message: `Must be one of ${GRIEVANCE_STATUSES.join(", ")}` });
  }
  const category = parsed.success ? parsed.data.category : null;
  const valid = errors.length === 0;
  const report: ImportRow = { row, title: fields.title.trim(), category, status, raisedBy, addressedTo, valid };
  if (valid && parsed.success && status) return { report, create: parsed.data, status, errors };
  return { report, errors };
}

/** Reads and checks the whole file against the parties as they stand in `tx`. */
async function planImport(tx: Tx, text: string): Promise<Plan> {
  const { header, records } = readCsv(text);
  const errors = headerIssues(header);
  if (errors.length) return { rows: [], errors, unknownParties: [] };
  const index = await partyIndex(tx);
  const unknown = new Map<string, string>();
  const rows: PlannedRow[] = [];
  for (const { row, cells } of records) {
    if (cells.length !== header.length) {
      errors.push({
        row,
        column: "",
        message: `The row has ${cells.length} cells; the header has ${header.length}`,
      });
      continue;
    }
    // An exported file's record-keeping columns (id, lastMovedAt, createdAt) are read past: an
    // import makes new records, raised now, and planRow reads none of them.
    const byColumn = Object.fromEntries(header.map((name, i) => [name, cells[i]]));
    const planned = planRow(csvRowToGrievance(byColumn), row, index, unknown);
    rows.push(planned);
    errors.push(...planned.errors);
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ row: 2, column: "", message: "The file has no grievance rows below its header" });
  }
  return { rows, errors, unknownParties: [...unknown.values()] };
}

function toReport(plan: Plan): GrievanceImportReport {
  return {
    rows: plan.rows.map((r) => r.report),
    errors: plan.errors,
    unknownParties: plan.unknownParties,
    willCreate: plan.errors.length === 0 ? plan.rows.length : 0,
  };
}

/**
 * The dry run: what importing `text` would create, row by row, and every problem. Writes nothing.
 * Analysts and admins only, as the import is.
 */
export async function previewGrievanceImport(actor: Actor | null, text: string): Promise<GrievanceImportReport> {
  authorize(actor, "write");
  const db = await getDb();
  return toReport(await planImport(db, text));
}

/** The refusal of an import with problems: each as `rows.<row>.<column>`, the first in the message. */
function importRefused(errors: ImportIssue[]): AppError {
  const first = errors[0]!;
  const where = `row ${first.row}${first.column ? `, ${first.column}` : ""}`;
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  return validationFailed(
    errors.map((e) => ({ path: `rows.${e.row}${e.column ? `.${e.column}` : ""}`, message: e.message })),
    `Nothing was imported: the file has ${count}. The first, ${where}: ${first.message}`,
  );
}

/**
 * Applies the import: checks the file again inside the transaction (against the parties as they
 * stand then), and creates every row's grievance as createGrievance does, with its first history
 * entry; a row whose status is not OPEN then moves to it, the move's reason saying it came from
 * the file. One problem anywhere and nothing is written.
 */
export async function applyGrievanceImport(
  actor: Actor | null,
  text: string,
  { timeoutMs = IMPORT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<GrievanceImportResult> {
  const started = Date.now();
  try {
    return await insertAll(actor, text, timeoutMs);
  } catch (error) {
    if (!transactionExpired(error, Date.now() - started, timeoutMs)) throw error;
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The import took longer than ${Math.round(timeoutMs / 1000)} s and was undone: nothing was created. Import the file in smaller parts.`,
    );
  }
}

function insertAll(actor: Actor | null, text: string, timeoutMs: number): Promise<GrievanceImportResult> {
  return mutate(actor, { permission: "write", timeoutMs }, async (tx, _data, who) => {
    const plan = await planImport(tx, text);
    if (plan.errors.length) throw importRefused(plan.errors);
    const at = new Date();
    const ids: string[] = [];
    for (const planned of plan.rows) {
      const id = await insertGrievance(tx, planned.create!, who, { at, raisedReason: IMPORTED_REASON });
      if (planned.status && planned.status !== "OPEN") {
        const move = { status: planned.status, reason: importedStatusReason(planned.status) };
        await applyGrievanceChange(tx, id, 1, { move }, at, who);
      }
      ids.push(id);
    }
    return { created: ids.length, ids };
  });
}

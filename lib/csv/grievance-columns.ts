import type { GrievanceCategory, GrievanceStatus } from "@/lib/schemas/enums";

// The one definition of the grievance CSV file: the export (lib/server export code) writes rows
// with grievanceToCsvRow and the import (lib/server/imports.ts) reads them with csvRowToGrievance,
// so a file the app exported imports back. Importable by the browser: no server code here.

/** The header, in file order. */
export const GRIEVANCE_CSV_COLUMNS = [
  "id",
  "title",
  "description",
  "category",
  "status",
  "raisedBy",
  "addressedTo",
  "lastMovedAt",
  "createdAt",
] as const;
export type GrievanceCsvColumn = (typeof GRIEVANCE_CSV_COLUMNS)[number];

/** One line of the file: every column, as text. */
export type GrievanceCsvRow = Record<GrievanceCsvColumn, string>;

/** Parties in one cell: their slugs joined by this (a slug has no ";"; a name may have a comma). */
export const PARTY_SEPARATOR = ";";

/**
 * What a row is made from: a GrievanceSummary fits, and so does a Prisma row with Dates and
 * parties that carry at least their slug.
 */
export type GrievanceCsvSource = {
  id: string;
  title: string;
  description: string;
  category: GrievanceCategory;
  status: GrievanceStatus;
  raisedBy: ReadonlyArray<{ slug: string }>;
  addressedTo: ReadonlyArray<{ slug: string }>;
  lastMovedAt: string | Date;
  createdAt: string | Date;
};

const isoDate = (value: string | Date) => (typeof value === "string" ? value : value.toISOString());

const joinSlugs = (parties: ReadonlyArray<{ slug: string }>) => parties.map((p) => p.slug).join(PARTY_SEPARATOR);

/** A grievance as a line of the file: enums as stored, parties as ";"-joined slugs, ISO 8601 dates. */
export function grievanceToCsvRow(grievance: GrievanceCsvSource): GrievanceCsvRow {
  return {
    id: grievance.id,
    title: grievance.title,
    description: grievance.description,
    category: grievance.category,
    status: grievance.status,
    raisedBy: joinSlugs(grievance.raisedBy),
    addressedTo: joinSlugs(grievance.addressedTo),
    lastMovedAt: isoDate(grievance.lastMovedAt),
    createdAt: isoDate(grievance.createdAt),
  };
}

/** The row in header order, for a CSV writer that takes arrays. */
export function grievanceCsvCells(grievance: GrievanceCsvSource): string[] {
  const row = grievanceToCsvRow(grievance);
  return GRIEVANCE_CSV_COLUMNS.map((column) => row[column]);
}

/**
 * Undoes the export's formula guard: a spreadsheet runs a cell that starts with = + - @ (or a
 * tab, a carriage return, or the full-width ＝ ＋ － ＠), so the export (csv-stringify's
 * `escape_formulas`) prefixes such a cell with an apostrophe, as OWASP advises. Only an
 * apostrophe in front of one of those is taken off, so a title that begins "'tis" keeps it (one
 * that really began "'=" would lose it: the guard cannot tell the two apart).
 */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? cell.slice(1) : cell;
}

/** Splits a party cell into its entries (slugs or names), blanks dropped. */
export function splitParties(cell: string): string[] {
  return cell
    .split(PARTY_SEPARATOR)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * A line of the file as the fields it carries, not yet validated (the import checks them with the
 * grievance create schema). Missing cells read as empty; category and status are upper-cased
 * and trimmed so "visas" from a hand-made file means VISAS; parties are split into entries.
 */
export type GrievanceCsvFields = {
  id: string;
  title: string;
  description: string;
  category: string;
  status: string;
  raisedBy: string[];
  addressedTo: string[];
  lastMovedAt: string;
  createdAt: string;
};

export function csvRowToGrievance(row: Partial<Record<string, string | undefined>>): GrievanceCsvFields {
  const cell = (column: GrievanceCsvColumn) => unguardCell(row[column] ?? "");
  return {
    id: cell("id").trim(),
    title: cell("title"),
    description: cell("description"),
    category: cell("category").trim().toUpperCase(),
    status: cell("status").trim().toUpperCase(),
    raisedBy: splitParties(cell("raisedBy")),
    addressedTo: splitParties(cell("addressedTo")),
    lastMovedAt: cell("lastMovedAt").trim(),
    createdAt: cell("createdAt").trim(),
  };
}

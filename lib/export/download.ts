import { csvStream } from "./csv";
import { EXPORT_CONTENT_TYPES, TOTAL_HEADER, type ExportFormat } from "./format";
import { jsonArrayStream } from "./json";

/** A list ready to be written out: its rows as they are read, and how each becomes a line of CSV. */
export type Export<T> = {
  /** The file's name, without the extension: "grievances-2026-12-01" (ids and dates: plain ASCII). */
  name: string;
  /** How many rows the file will have (the list's count), for the browser's progress. */
  total: number;
  rows: AsyncIterable<T> | Iterable<T>;
  /** The CSV header, and each row's cells in its order. */
  columns: readonly string[];
  // A method, so that an Export of any row type is an Export<unknown> where only the download reads it.
  cells(row: T): string[];
};

async function* cellsOf<T>(exported: Export<T>): AsyncGenerator<string[]> {
  for await (const row of exported.rows) yield exported.cells(row);
}

/** The export as a download: streamed, never cached, saved under its name. */
export function downloadResponse<T>(exported: Export<T>, format: ExportFormat): Response {
  const body = format === "csv" ? csvStream(exported.columns, cellsOf(exported)) : jsonArrayStream(exported.rows);
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exported.name}.${format}"`,
      "Cache-Control": "no-store",
      [TOTAL_HEADER]: String(exported.total),
    },
  });
}

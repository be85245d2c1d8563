import { Readable } from "node:stream";
import { stringify, type Options } from "csv-stringify";

// CSV as spreadsheets open it and RFC 4180 describes it, written by csv-stringify (it quotes a
// cell holding a comma, a quote or a line break, and doubles the quotes inside), streamed: each
// row is written as the rows come, so an export of any length holds one page in memory.

/**
 * The writer's settings, one place for the stream and the tests: a byte order mark first, so
 * Excel reads the file as UTF-8 (Cyrillic and Turkish names intact); CRLF between records, as
 * RFC 4180 has it, with any line break in a cell quoted; and formula injection neutralised, since a spreadsheet runs a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return: csv-stringify puts an apostrophe in front
 * (OWASP's advice), which the grievance import takes off again (lib/csv/grievance-columns.ts).
 */
export const CSV_OPTIONS = {
  bom: true,
  header: true,
  record_delimiter: "windows",
  // With CRLF as the record delimiter, csv-stringify quotes only a cell holding CRLF; a lone line
  // feed or carriage return inside a cell must be quoted too, or a reader ends the record there.
  quoted_match: /[\r\n]/,
  escape_formulas: true,
} as const satisfies Options;

/** A file of `columns` (the header) and one line per row, each row's cells in header order, as bytes. */
export function csvStream(
  columns: readonly string[],
  rows: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): ReadableStream<Uint8Array> {
  const writer = stringify({ ...CSV_OPTIONS, columns: [...columns] });
  const source = Readable.from(rows, { objectMode: true });
  // pipe() waits for the writer to drain, so the rows are read no faster than the client takes them;
  // a failed read ends the download (the client sees it cut short) rather than hanging it.
  source.on("error", (error) => writer.destroy(error));
  return Readable.toWeb(source.pipe(writer)) as ReadableStream<Uint8Array>;
}

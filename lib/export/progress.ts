import type { ExportFormat } from "./format";

// How many rows of an export have arrived, read from the text as it streams in (the browser's
// progress line): a CSV record ends at a line feed outside quotes (a quoted cell may hold line
// breaks; a doubled quote inside one toggles twice and changes nothing), and the JSON export puts
// each item on its own line (lib/export/json.ts). Importable by the browser: no server code here.

export type RowCounter = {
  /** Reads the next piece of text (chunks may split anywhere, inside a quoted cell too). */
  push(text: string): void;
  /** The rows complete so far: the header line and the array's brackets not counted. */
  readonly rows: number;
};

export function rowCounter(format: ExportFormat): RowCounter {
  let lineEnds = 0;
  let quoted = false;
  return {
    push(text) {
      for (const char of text) {
        if (format === "csv" && char === '"') quoted = !quoted;
        else if (char === "\n" && !quoted) lineEnds++;
      }
    },
    // CSV: the header's line end is not a row. JSON: "[" ends the first line, and an item's line
    // ends when the next item (or the closing bracket) begins.
    get rows() {
      return Math.max(0, lineEnds - 1);
    },
  };
}

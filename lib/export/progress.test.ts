import { describe, expect, it } from "vitest";
import { csvStream } from "./csv";
import { jsonArrayStream } from "./json";
import { rowCounter } from "./progress";
import type { ExportFormat } from "./format";

// The counter against what the export really writes, fed in pieces of every size, so a chunk
// that ends inside a quoted cell or between a CR and its LF is covered.

const rows = [
  ["1", "plain"],
  ["2", "line one\nline two"],
  ["3", 'quote " and\r\nbreak'],
  ["4", "=formula, comma"],
  ["5", "Визы"],
];

async function countIn(format: ExportFormat, stream: ReadableStream<Uint8Array>, pieceSize: number) {
  const text = await new Response(stream).text();
  const counter = rowCounter(format);
  const seen: number[] = [];
  for (let i = 0; i < text.length; i += pieceSize) {
    counter.push(text.slice(i, i + pieceSize));
    seen.push(counter.rows);
  }
  return { final: counter.rows, seen };
}

describe("rowCounter", () => {
  it.each([1, 2, 7, 1000])(
    "counts the CSV's rows, not its header nor line breaks in cells (pieces of %i)",
    async (size) => {
      const { final, seen } = await countIn("csv", csvStream(["id", "text"], rows), size);
      expect(final).toBe(rows.length);
      // It only ever grows.
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    },
  );

  it.each([1, 3, 1000])("counts the JSON array's items (pieces of %i)", async (size) => {
    const items = rows.map(([id, text]) => ({ id, text }));
    expect((await countIn("json", jsonArrayStream(items), size)).final).toBe(items.length);
    expect((await countIn("json", jsonArrayStream([]), size)).final).toBe(0);
  });

  it("counts nothing for a header alone", async () => {
    expect((await countIn("csv", csvStream(["id"], []), 4)).final).toBe(0);
  });
});

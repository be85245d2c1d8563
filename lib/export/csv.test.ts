import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvStream } from "./csv";

// The export's CSV read back by csv-parse, a parser that knows nothing of how it was written:
// whatever a cell held must come back as it was (but for the formula guard's apostrophe).

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function written(columns: string[], rows: string[][]): Promise<{ bytes: Uint8Array; text: string }> {
  const bytes = await bytesOf(csvStream(columns, rows));
  return { bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

const readBack = (text: string) => parse(text, { bom: true }) as string[][];

describe("csvStream", () => {
  it("opens with the UTF-8 byte order mark, so a spreadsheet reads the file as UTF-8", async () => {
    const { bytes } = await written(["a"], [["x"]]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes the header, then each row, CRLF between records (RFC 4180)", async () => {
    const { text } = await written(
      ["id", "title"],
      [
        ["1", "one"],
        ["2", "two"],
      ],
    );
    expect(text).toBe("\ufeffid,title\r\n1,one\r\n2,two\r\n");
  });

  it("quotes commas, quotes and line breaks, and reads back as written, Cyrillic and Turkish included", async () => {
    const awkward = [
      ["a, b", 'she said "no"', "line one\nline two"],
      ["Визы задерживаются в Москве", "İstanbul, Türkiye", "crlf\r\ninside"],
      ["", '"', ","],
    ];
    const { text } = await written(["x", "y", "z"], awkward);
    expect(text).toContain('"a, b","she said ""no""","line one\nline two"');
    expect(readBack(text)).toEqual([["x", "y", "z"], ...awkward]);
  });

  it("neutralises a cell a spreadsheet would run as a formula: = + - @, a tab or a carriage return first", async () => {
    const dangerous = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"];
    const { text } = await written(
      dangerous.map((_, i) => `c${i}`),
      [dangerous],
    );
    const [, row] = readBack(text);
    expect(row).toEqual(dangerous.map((cell) => `'${cell}`));
  });

  it("leaves every other cell as it is, a formula character later in the cell included", async () => {
    const safe = ["a=b", "2024-01-01T00:00:00.000Z", "'quoted", " =spaced", "OPEN"];
    const { text } = await written(
      safe.map((_, i) => `c${i}`),
      [safe],
    );
    expect(readBack(text)[1]).toEqual(safe);
  });

  it("streams rows from an async source and writes only the header for none", async () => {
    async function* rows() {
      for (let i = 0; i < 1000; i++) yield [String(i), `row ${i}`];
    }
    const parsed = readBack((await written(["n", "label"], [])).text);
    expect(parsed).toEqual([["n", "label"]]);
    const bytes = await bytesOf(csvStream(["n", "label"], rows()));
    const all = readBack(new TextDecoder().decode(bytes));
    expect(all).toHaveLength(1001);
    expect(all[1000]).toEqual(["999", "row 999"]);
  });
});

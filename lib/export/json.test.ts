import { describe, expect, it } from "vitest";
import { jsonArrayStream } from "./json";

const textOf = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("jsonArrayStream", () => {
  it("writes one JSON array, one item a line, that parses back to the items", async () => {
    const items = [{ a: 1, text: 'line\nbreak, "quoted"' }, { b: "Визы" }, null, "x"];
    const text = await textOf(jsonArrayStream(items));
    expect(JSON.parse(text)).toEqual(items);
    expect(text.split("\n")).toHaveLength(items.length + 2);
  });

  it("writes an empty array for no items, and reads an async source", async () => {
    expect(JSON.parse(await textOf(jsonArrayStream([])))).toEqual([]);
    async function* many() {
      for (let i = 0; i < 500; i++) yield { i };
    }
    const parsed = JSON.parse(await textOf(jsonArrayStream(many()))) as Array<{ i: number }>;
    expect(parsed.map((item) => item.i)).toEqual([...Array(500).keys()]);
  });
});

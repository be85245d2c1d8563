import { Readable } from "node:stream";

// The whole filtered list as one JSON array, written as the rows come: one page in memory
// whatever the length. One item a line, so a client counts the rows received by counting lines
// (JSON.stringify never writes a raw line break inside a value).

async function* arrayLines(items: AsyncIterable<unknown> | Iterable<unknown>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const item of items) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? "]" : "\n]";
}

/** `[`, each item on its own line, `]`, as UTF-8 bytes. */
export function jsonArrayStream(items: AsyncIterable<unknown> | Iterable<unknown>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = Readable.from(
    (async function* () {
      for await (const text of arrayLines(items)) yield encoder.encode(text);
    })(),
  );
  return Readable.toWeb(source) as ReadableStream<Uint8Array>;
}

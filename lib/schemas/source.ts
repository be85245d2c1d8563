import { z } from "zod";
import { TimestampSchema } from "./common";

/** A source as records cite it: a report, a statement, an article. */
export const SourceRefSchema = z.strictObject({
  title: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: TimestampSchema.nullable(),
  note: z.string().nullable(),
});
export type SourceRef = z.output<typeof SourceRefSchema>;

export const CitationSchema = z.strictObject({ quote: z.string(), source: SourceRefSchema });
export type Citation = z.output<typeof CitationSchema>;

import { describe, expect, it } from "vitest";
import { zodIssues } from "../errors";
import { ImportQuerySchema } from "./import";

// The CSV import's one input besides the file: its query (lib/schemas/import.ts). The answers'
// shapes are response schemas, checked by the OpenAPI document's test.

describe("ImportQuerySchema", () => {
  it("takes dryRun=1 (report only), dryRun=0 (apply) or nothing (apply)", () => {
    expect(ImportQuerySchema.parse({ dryRun: "1" })).toEqual({ dryRun: "1" });
    expect(ImportQuerySchema.parse({ dryRun: "0" })).toEqual({ dryRun: "0" });
    expect(ImportQuerySchema.parse({})).toEqual({});
  });

  it.each(["true", "2", "", 1])("refuses dryRun=%j, saying what it takes", (dryRun) => {
    const result = ImportQuerySchema.safeParse({ dryRun });
    expect(result.success).toBe(false);
    expect(zodIssues(result.error!)).toEqual([
      { path: "dryRun", message: "dryRun takes 1 (report only) or 0 (apply)" },
    ]);
  });

  it("refuses any other key", () => {
    const result = ImportQuerySchema.safeParse({ dryrun: "1" });
    expect(zodIssues(result.error!)).toEqual([{ path: "dryrun", message: 'Unknown field "dryrun"' }]);
  });
});

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi";
import { SYSTEM } from "@/lib/server/authz";

// The published contract of /api/v1 is checked in as docs/openapi.json: any change to what the
// document promises (a field, an enum value, a limit, a description) shows up here, and in review
// as a diff of that file. The document has no machine- or time-dependent values (the server is "/").
const committedFile = path.resolve(import.meta.dirname, "../docs/openapi.json");

describe("the OpenAPI document", () => {
  it("is the one checked in as docs/openapi.json", () => {
    const generated = `${JSON.stringify(openApiDocument(SYSTEM), null, 2)}\n`;
    const committed = existsSync(committedFile)
      ? readFileSync(committedFile, "utf8")
      : "(docs/openapi.json is missing)";
    expect(
      generated,
      "The OpenAPI document differs from docs/openapi.json. If the API's contract changed on purpose, " +
        "run `npm run openapi:write` and commit docs/openapi.json with the change.",
    ).toBe(committed);
  });
});

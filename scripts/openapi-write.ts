// `npm run openapi:write`: rewrites docs/openapi.json, the checked-in copy of the OpenAPI document
// served at /api/v1/openapi.json. lib/openapi.test.ts fails while the two differ, so a change to
// the published contract is a change to this file that a reviewer sees.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/openapi";
import { SYSTEM } from "@/lib/server/authz";

const file = path.resolve(import.meta.dirname, "../docs/openapi.json");
// The same serialization as lib/openapi.test.ts: two-space indent, keys in the generated order.
writeFileSync(file, `${JSON.stringify(openApiDocument(SYSTEM), null, 2)}\n`);
console.log(`Wrote ${path.relative(process.cwd(), file)}`);

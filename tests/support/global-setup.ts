import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** A migrated, empty SQLite file that each test file copies (Epic Stack's pattern). */
export const TEMPLATE_DB = path.resolve("data/test/template.db");

export default function setup(): () => void {
  fs.rmSync(path.dirname(TEMPLATE_DB), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
  return () => fs.rmSync(path.dirname(TEMPLATE_DB), { recursive: true, force: true });
}

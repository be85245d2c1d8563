import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseTarget } from "./lib/database-url";

// The CLI runs on the WASM schema engine shipped in the npm package (engine: "js"), so migrating
// never downloads a native engine. See docs/decisions/001-database.md.
export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    const target = resolveDatabaseTarget();
    if (target.kind !== "sqlite") {
      throw new Error("This schema is for SQLite; PostgreSQL is not wired yet");
    }
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.url });
  },
});

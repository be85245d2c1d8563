import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { resolveDatabaseTarget } from "./lib/database-url";
import { createPostgresAdapter } from "./lib/postgres-adapter";

// The CLI runs on the WASM schema engine shipped in the npm package (engine: "js"), so migrating
// never downloads a native engine. DATABASE_URL picks the database and with it the schema:
// prisma/schema.prisma for SQLite, the derived prisma/postgresql/ for PostgreSQL
// (docs/decisions/001-database.md).
const target = resolveDatabaseTarget();
const folder = target.kind === "postgresql" ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  engine: "js",
  async adapter() {
    if (target.kind === "postgresql") return createPostgresAdapter(target.url, { max: 2 });
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.url });
  },
});

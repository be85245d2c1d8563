#!/usr/bin/env node
// `npm run db:reset`: deletes the SQLite database so that the next start recreates and seeds it.
// (Prisma's `migrate reset` does not drop tables through the SQLite adapter.) PostgreSQL
// databases are left to their administrators: drop and recreate the database instead.
import fs from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL || "file:./data/backchannel.db";
if (!url.startsWith("file:")) {
  console.error("db:reset only deletes SQLite files; for PostgreSQL drop and recreate the database.");
  process.exit(1);
}
const file = path.resolve(url.slice("file:".length).split("?")[0]);
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
console.log(`Deleted ${file}; the next \`npm start\` recreates and seeds it.`);

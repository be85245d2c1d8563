// `npm run db:backup -- FILE`: a consistent snapshot of the database DATABASE_URL names, taken
// while the app runs. `npm run db:restore -- FILE` puts one back (stop the app first).
import { backupDatabase, restoreDatabase } from "@/lib/server/backup";

const [command, file] = process.argv.slice(2);
if (!file || (command !== "backup" && command !== "restore")) {
  console.error("Usage: npm run db:backup -- FILE | npm run db:restore -- FILE");
  process.exit(2);
}
process.env.DATABASE_URL ||= "file:./data/backchannel.db";
if (command === "backup") {
  const { kind, bytes } = await backupDatabase(file);
  console.log(`Backed up the ${kind} database to ${file} (${(bytes / 1024).toFixed(0)} KiB).`);
} else {
  await restoreDatabase(file);
  console.log(`Restored ${file} into the database DATABASE_URL names.`);
}

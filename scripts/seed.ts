// `npm run db:seed` (and `npm start`, after migrating): brings a database made by an earlier
// version up to date (lib/server/upgrade.ts), then seeds it if it is empty; on a seeded,
// up-to-date one it changes nothing.
import { disconnectDb } from "@/lib/server/db";
import { seedDatabase } from "@/lib/server/seed";
import { upgradeDatabase } from "@/lib/server/upgrade";

const backfilled = await upgradeDatabase();
if (backfilled) console.log(`Upgraded the database: ${backfilled} records gained their first revision.`);
const result = await seedDatabase();
console.log(result.seeded ? "Seeded the database from the Istanbul editorial." : `Seed skipped: ${result.reason}.`);
await disconnectDb();

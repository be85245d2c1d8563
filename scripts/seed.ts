// `npm run db:seed`: seeds an empty database; on a seeded one it changes nothing.
import { disconnectDb } from "@/lib/server/db";
import { seedDatabase } from "@/lib/server/seed";

const result = await seedDatabase();
console.log(result.seeded ? "Seeded the database from the Istanbul editorial." : `Seed skipped: ${result.reason}.`);
await disconnectDb();

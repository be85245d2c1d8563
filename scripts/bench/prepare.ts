// The benchmark's first step, in its own process so its database connection and the archive's
// rows in memory are gone before the server is measured: builds the archive into the migrated,
// empty database DATABASE_URL names, adds the analyst the load signs in as, and prints one JSON
// line (the archive's landmarks, the user and an API token).
import { parseArgs } from "node:util";
import { SYSTEM } from "@/lib/server/authz";
import { buildBenchArchive } from "./archive";
import { disconnectDb } from "@/lib/server/db";
import { createApiToken } from "@/lib/server/tokens";
import { createUser } from "@/lib/server/users";

const { values } = parseArgs({ options: { grievances: { type: "string" }, seed: { type: "string" } } });
const archive = await buildBenchArchive({
  grievances: Number(values.grievances ?? 20_000),
  seed: Number(values.seed ?? 10),
});
const email = "bench-analyst@example.org";
const password = "a long benchmark password";
const user = await createUser(SYSTEM, { email, role: "analyst", password, name: "Bench Analyst" });
const { token } = await createApiToken(SYSTEM, user.id, { name: "bench" });
await disconnectDb();
console.log(JSON.stringify({ archive, email, password, token }));

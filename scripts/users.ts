// `npm run users -- create --email E --role viewer|analyst|admin --password P [--name N]`
// `npm run users -- token --email E [--name N]`  (prints the token as the last line)
// The terminal path for administrators and scripts; it acts as the system and honours DATABASE_URL.
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { SYSTEM } from "@/lib/server/authz";
import { disconnectDb } from "@/lib/server/db";
import { createApiToken } from "@/lib/server/tokens";
import { createUser, findUserIdByEmail } from "@/lib/server/users";

const USAGE = `Usage:
  npm run users -- create --email E --role viewer|analyst|admin --password P [--name N]
  npm run users -- token --email E [--name N]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
  },
});

async function main(): Promise<number> {
  const [command] = positionals;
  if (command === "create") {
    const user = await createUser(SYSTEM, {
      email: values.email,
      role: values.role,
      password: values.password,
      name: values.name,
    });
    console.log(`Created ${user.role} ${user.email}.`);
    return 0;
  }
  if (command === "token") {
    if (!values.email) throw new Error("--email is required");
    const userId = await findUserIdByEmail(SYSTEM, values.email);
    const { token } = await createApiToken(SYSTEM, userId, {
      name: values.name ?? `terminal ${new Date().toISOString().slice(0, 10)}`,
    });
    console.log(`Token for ${values.email} (shown once; send it as "Authorization: Bearer <token>"):`);
    console.log(token);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!isAppError(error)) throw error;
  console.error(`✗ ${error.message}`);
  for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}

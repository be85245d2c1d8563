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

/** The arguments, or null (usage printed) for `--help` or an option the script does not know. */
function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // parseArgs throws a TypeError naming the option; a terminal user needs that line, not its stack.
    console.error(`✗ ${(error as Error).message.split(". ")[0]}.`);
    return null;
  }
}
const args = readArgs();

async function main(): Promise<number> {
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const { positionals, values } = args;
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

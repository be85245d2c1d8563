import path from "node:path";

/** Where the embedded database lives when DATABASE_URL is not set. */
export const DEFAULT_SQLITE_URL = "file:./data/backchannel.db";

export type DatabaseTarget = { kind: "sqlite"; url: string; filePath: string } | { kind: "postgresql"; url: string };

/**
 * One reading of DATABASE_URL for the app, the Prisma CLI and the scripts, so they can never
 * disagree about which database they talk to. A relative SQLite path is taken from the project
 * root (the working directory of every npm script), not from prisma/ as Prisma's CLI would.
 */
export function resolveDatabaseTarget(
  raw: string | undefined = process.env.DATABASE_URL,
  cwd: string = process.cwd(),
): DatabaseTarget {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_SQLITE_URL;
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { kind: "postgresql", url };
  }
  if (url.startsWith("file:")) {
    const rest = url.slice("file:".length).split("?")[0] ?? "";
    const filePath = path.isAbsolute(rest) ? rest : path.resolve(cwd, rest);
    return { kind: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Several instances of one release share this id, so a browser holding an older page is told
  // to reload instead of posting to a newer build's server actions (docs/deploy.md).
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || undefined,
  // Lets the e2e suite and parallel dev servers build into their own folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  typedRoutes: false,
  // Native / server-only database drivers: never bundle them (explicit, though Next already does).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@node-rs/argon2"],
};

export default nextConfig;

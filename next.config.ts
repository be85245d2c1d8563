import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next's default, written down: gzip for every compressible answer (HTML, RSC, JSON) when the
  // client accepts it, also behind scripts/serve.mjs (tests/system/serving.test.ts; issue 10).
  compress: true,
  // Several instances of one release share this id, so a browser holding an older page is told
  // to reload instead of posting to a newer build's server actions (docs/deploy.md).
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || undefined,
  // Lets the e2e suite and parallel dev servers build into their own folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  typedRoutes: false,
  // Native / server-only database drivers: never bundle them (explicit, though Next already does).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@node-rs/argon2"],
  // No page uses next/image: with optimization off, /_next/image answers 404 without fetching or
  // resizing anything, so it is no public image proxy.
  images: { unoptimized: true },
  experimental: {
    // Next's default, written down: proxy.ts answers a larger page POST with 413 (ACTION_BODY_LIMIT
    // in lib/security-headers.ts; a test keeps the two equal), where Next would answer a 500.
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;

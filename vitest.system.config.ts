import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// System tests start the built app (`next start`) on real databases; scripts/test.mjs runs them
// after the browser journeys have built it. No per-file database setup: each test makes its own.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["tests/system/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The unit tests only (next to the code and tests/unit), without the database-backed suites: the
// fast scope for mutation testing the pure modules (stryker.config.mjs, STRYKER_TESTS=unit).
export default defineConfig({
  resolve: base.resolve,
  test: {
    ...base.test,
    include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
  },
});

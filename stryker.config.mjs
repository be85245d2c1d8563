// `npm run test:mutation`: Stryker mutates lib/ and runs the Vitest tests that reach each mutant
// (per-test coverage), so a surviving mutant is a line no test would notice breaking. Not part of
// CI: over lib/server it runs the database-backed integration tests for every mutant, which takes
// hours on two cores. Narrow it while working:
//
//   npm run test:mutation -- --mutate lib/search.ts,lib/status-rules.ts
//   STRYKER_TESTS=unit npm run test:mutation -- --mutate 'lib/schemas/**/*.ts'   (unit tests only: fast)
//
// Reports: the score per file on the terminal and reports/mutation/index.html.
const unitOnly = process.env.STRYKER_TESTS === "unit";

const config = {
  testRunner: "vitest",
  vitest: { configFile: unitOnly ? "vitest.unit.config.ts" : "vitest.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: ["lib/**/*.ts", "!lib/**/*.test.ts", "!lib/generated/**", "!lib/seed/*.txt"],
  coverageAnalysis: "perTest",
  // Static mutants (run while a module loads: the zod schemas are mostly these) cannot be traced to
  // the tests that cover them, so each re-runs every test in scope; kept, or lib/schemas has no score.
  ignoreStatic: false,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The first run, with coverage, is the whole related suite on one worker: minutes on two busy cores.
  dryRunTimeoutMinutes: 60,
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // The sandbox is a copy of the checkout: leave out the databases, builds and reports.
  ignorePatterns: ["data", ".next", ".next-*", "reports", "test-results", "playwright-report", "coverage"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};

export default config;

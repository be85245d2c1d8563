import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// These machines cannot download Playwright's browsers; Debian's chromium is used when present
// (.ci/run installs it), Playwright's own Chromium otherwise (a laptop after `npx playwright install`).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
/** The signed-in admin's session, written by tests/e2e/auth.setup.ts (data/e2e is emptied each run). */
export const ADMIN_STATE = "data/e2e/admin.json";

/** The database the web server runs on; the journeys that use the users CLI point it here too. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./data/e2e/backchannel.db";

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: systemChromium,
    // Without the networking flags Chromium floods a closed network with refused connections.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // A journey walks several pages of a production build; on a busy two-core machine that can pass 30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Creates the first admin through /setup (the new-user journey) and keeps the session for the rest.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: browser },
    { name: "chromium", dependencies: ["setup"], use: { ...browser, storageState: ADMIN_STATE } },
  ],
  webServer: {
    // A fresh database each run, then exactly what a new user runs: migrate, seed, build if needed, serve.
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/v1/parties`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    // E2E_DATABASE_URL runs the journeys on PostgreSQL (scripts/test.mjs makes a fresh database).
    env: { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: E2E_DATABASE_URL },
  },
});

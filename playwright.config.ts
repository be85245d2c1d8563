import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// These machines cannot download Playwright's browsers; Debian's chromium is used when present
// (.ci/run installs it), Playwright's own Chromium otherwise (a laptop after `npx playwright install`).
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
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
      },
    },
  ],
  webServer: {
    // A fresh database each run, then exactly what a new user runs: migrate, seed, build if needed, serve.
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/v1/parties`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    // E2E_DATABASE_URL runs the journeys on PostgreSQL (scripts/test.mjs makes a fresh database).
    env: { PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: process.env.E2E_DATABASE_URL || "file:./data/e2e/backchannel.db" },
  },
});

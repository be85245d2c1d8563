import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createUserWithCli, unique } from "./support";

// Every page that no journey walks through renders for the role that uses it: a real heading, a
// piece of the seeded record, and no error in the browser's console (a hydration mismatch, a
// failed request, an uncaught exception).

/** Collects console errors and uncaught exceptions from the moment it is called. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Opens `url`, waits until the page is idle (hydrated, its requests answered). */
async function open(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), `GET ${url}`).toBe(200);
  await page.waitForLoadState("networkidle");
}

test.describe("as an admin", () => {
  test("/admin leads to the users, each user opens to its account and tokens", async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, "/admin");
    await expect(page).toHaveURL((url) => url.pathname === "/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("link", { name: ADMIN.email, exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "New user" })).toBeVisible();

    await open(page, "/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await page.getByRole("table").getByRole("link", { name: ADMIN.email, exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/users\/[^/]+$/);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(ADMIN.email);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("(you)");
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Create a token" })).toBeVisible();
    await expect(page.getByRole("main").getByText(ADMIN.name).first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("/venues?deleted=1 lists the deleted venues", async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, "/venues?deleted=1");
    await expect(page.getByRole("heading", { level: 1, name: "Deleted venues" })).toBeVisible();
    await expect(page.getByText(/hidden from every list and picker/)).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe("as an analyst", () => {
  const analyst = {
    email: `${unique("pages-analyst").replace(" ", "-")}@example.org`,
    name: unique("Ana Pages"),
    password: "analyst passphrase 2025",
    role: "analyst" as const,
  };
  const state = path.join("data/e2e", `${analyst.email}.json`);
  test.use({ storageState: state });

  test.beforeAll(async ({ browser }) => {
    // The CLI compiles TypeScript and opens the database, and sign-in hashes: slow on a busy machine.
    test.setTimeout(90_000);
    createUserWithCli(analyst);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(analyst.email);
    await page.getByLabel("Password").fill(analyst.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("banner").getByText(`${analyst.name} · Analyst`)).toBeVisible();
    fs.mkdirSync(path.dirname(state), { recursive: true });
    await context.storageState({ path: state });
    await context.close();
  });

  test("/grievances/[id]/edit opens filled with the grievance", async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, "/grievances");
    await page.getByRole("link", { name: "Ban on hiring local staff", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ban on hiring local staff" })).toBeVisible();
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(/\/grievances\/[^/]+\/edit$/);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1, name: "Edit grievance" })).toBeVisible();
    const form = page.getByRole("main");
    await expect(form.getByLabel("Title")).toHaveValue("Ban on hiring local staff");
    await expect(form.getByLabel("Category")).toHaveValue("LOCAL_STAFF");
    await expect(
      form.getByRole("group", { name: "Raised by" }).getByRole("checkbox", { name: "United States" }),
    ).toBeChecked();
    await expect(form.getByRole("button", { name: "Save changes" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("/meetings lists the seeded rounds", async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, "/meetings");
    await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("link", { name: "Istanbul talks, 1st round", exact: true })).toBeVisible();
    await expect(table.getByRole("link", { name: "Istanbul talks, 2nd round", exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Log meeting" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("/parties lists the seeded parties", async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, "/parties");
    await expect(page.getByRole("heading", { level: 1, name: "Parties" })).toBeVisible();
    const table = page.getByRole("table");
    for (const name of ["United States", "Russia", "Türkiye"])
      await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("/venues, a venue and /venues/new", async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, "/venues");
    await expect(page.getByRole("heading", { level: 1, name: "Venues" })).toBeVisible();
    const table = page.getByRole("table");
    await expect(table.getByRole("link", { name: "Residence of the US Consul General", exact: true })).toBeVisible();
    await table.getByRole("link", { name: "Russian Consulate General", exact: true }).click();

    await expect(page).toHaveURL((url) => url.pathname === "/venues/russian-consulate-general-istanbul");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1, name: "Russian Consulate General" })).toBeVisible();
    await expect(page.getByText("Istanbul, Türkiye").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Meetings held here" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Istanbul talks, 2nd round", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Edit venue" })).toBeVisible();

    await open(page, "/venues/new");
    await expect(page.getByRole("heading", { level: 1, name: "Add venue" })).toBeVisible();
    await expect(page.getByRole("main").getByLabel("Name")).toBeEditable();
    expect(errors).toEqual([]);
  });

  test("/admin is refused as a page that says why, not an error", async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto("/admin/users");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1, name: "You need the admin role" })).toBeVisible();
    await expect(page.getByText(`You are signed in as ${analyst.email}, with the Analyst role.`)).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

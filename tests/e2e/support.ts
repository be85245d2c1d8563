import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../../playwright.config";

/** The first admin, created through /setup by auth.setup.ts; its session is every journey's default. */
export const ADMIN = {
  email: "admin@example.org",
  name: "Ada Admin",
  password: "correct horse battery staple",
} as const;

/** A title no other journey (or an earlier run on a kept database) uses. */
export function unique(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

/** The id at the end of a /grievances/<id> or /meetings/<id> URL. */
export function idFromUrl(url: string): string {
  const id = new URL(url).pathname.split("/").pop();
  if (!id) throw new Error(`No id in ${url}`);
  return id;
}

/** A user made the way an administrator makes one: the users CLI, on the web server's database. */
export function createUserWithCli(user: {
  email: string;
  role: "viewer" | "analyst" | "admin";
  password: string;
  name?: string;
}): void {
  const args = [
    "scripts/run-ts.mjs",
    "scripts/users.ts",
    "create",
    "--email",
    user.email,
    "--role",
    user.role,
    "--password",
    user.password,
  ];
  if (user.name) args.push("--name", user.name);
  execFileSync(process.execPath, args, { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL }, stdio: "pipe" });
}

export type NewGrievance = {
  title: string;
  category?: string;
  raisedBy?: string[];
  addressedTo?: string[];
  description?: string;
  quote?: string;
  source?: string;
  /** When it was first raised (YYYY-MM-DD); empty: today. */
  raisedOn?: string;
};

/** Creates a grievance through /grievances/new and returns its id (the page it lands on). */
export async function createGrievance(page: Page, g: NewGrievance): Promise<string> {
  await page.goto("/grievances/new");
  const form = page.getByRole("main");
  await form.getByLabel("Title").fill(g.title);
  if (g.description) await form.getByLabel("Description").fill(g.description);
  await form.getByLabel("Category").selectOption({ label: g.category ?? "Visas" });
  for (const party of g.raisedBy ?? ["Russia"]) {
    await form.getByRole("group", { name: "Raised by" }).getByRole("checkbox", { name: party }).check();
  }
  for (const party of g.addressedTo ?? ["United States"]) {
    await form.getByRole("group", { name: "Addressed to" }).getByRole("checkbox", { name: party }).check();
  }
  if (g.quote) await form.getByLabel("Quote").fill(g.quote);
  if (g.source) await form.getByLabel("Source", { exact: true }).fill(g.source);
  if (g.raisedOn) await form.getByLabel("Raised on").fill(g.raisedOn);
  await form.getByRole("button", { name: "Create grievance" }).click();
  await expect(page).toHaveURL(/\/grievances\/(?!new)[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1, name: g.title })).toBeVisible();
  return idFromUrl(page.url());
}

/** The grievance list's table rows (header excluded). */
export function grievanceRows(page: Page) {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });
}

/** The titles in the grievance list, in order. */
export async function listedTitles(page: Page): Promise<string[]> {
  return grievanceRows(page).locator("td:first-child a").allTextContents();
}

/** The total in the list's count line ("6 grievances · …"). */
export async function listedTotal(page: Page): Promise<number> {
  const line = await page.getByText(/filters are in the URL/).textContent();
  return Number(/^([\d,]+)/.exec(line ?? "")?.[1]?.replaceAll(",", "") ?? NaN);
}

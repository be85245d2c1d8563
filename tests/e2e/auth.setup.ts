import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE } from "../../playwright.config";
import { ADMIN } from "./support";

// The new-user journey: on a fresh install the first visit asks for the first admin, who is then
// signed in and lands on the overview. The session is kept for every other journey.
setup("a fresh install asks for the first admin, then signs them in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/setup");
  await expect(page.getByRole("heading", { name: "Create the first admin" })).toBeVisible();

  // Too short a password is refused beside the field, and no admin is created.
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create the first admin" }).click();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL((url) => url.pathname === "/setup");

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create the first admin" }).click();

  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const banner = page.getByRole("banner");
  await expect(banner.getByText(`${ADMIN.name} · Admin`)).toBeVisible();
  await expect(banner.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(banner.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.context().storageState({ path: ADMIN_STATE });
});

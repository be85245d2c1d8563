import { expect, test, type Page } from "@playwright/test";
import { createUserWithCli, idFromUrl, listedTotal, unique } from "./support";

// Signed out: each test gets a context of its own, without the admin's session.
test.use({ storageState: { cookies: [], origins: [] } });

const viewer = {
  email: `${unique("viewer").replace(" ", "-")}@example.org`,
  name: unique("Vera Viewer"),
  password: "viewer passphrase 2025",
  role: "viewer" as const,
};

test.beforeAll(() => {
  // The CLI compiles TypeScript and opens the database: slow on a busy machine.
  test.setTimeout(60_000);
  createUserWithCli(viewer);
});

async function signInAsViewer(page: Page) {
  // Signed out, every page leads to sign-in (the first admin exists, so not to /setup).
  await page.goto("/grievances");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Password").fill(viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner").getByText(`${viewer.name} · Viewer`)).toBeVisible();
}

test("a viewer reads the grievances but may not change a status", async ({ page }) => {
  await signInAsViewer(page);
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(banner.getByRole("link", { name: /Log meeting/ })).toHaveCount(0);

  await page.goto("/grievances");
  await expect(page.getByRole("link", { name: "Ban on hiring local staff" })).toBeVisible();
  expect(await listedTotal(page)).toBeGreaterThanOrEqual(6);

  await page.getByRole("link", { name: "Ban on hiring local staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ban on hiring local staff" })).toBeVisible();
  const entries = page.getByRole("list", { name: "Timeline · newest first" }).getByRole("listitem");
  const before = await entries.count();
  const status = page.getByText("Status:").locator("..");
  await expect(status).toContainText("Open");

  // A viewer is not offered the control…
  await expect(page.getByRole("button", { name: "Change status" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  // …and trying anyway, from the page with the viewer's session, is refused with a clear message.
  const id = idFromUrl(page.url());
  const refusal = await page.evaluate(async (id) => {
    const current = (await (await fetch(`/api/v1/grievances/${id}`)).json()) as { version: number };
    const response = await fetch(`/api/v1/grievances/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        version: current.version,
        status: "STALLED",
        reason: "A viewer should not be able to save this.",
      }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { error?: { code?: string; message?: string } },
    };
  }, id);
  expect(refusal.status).toBe(403);
  expect(refusal.body.error?.code).toBe("FORBIDDEN");
  expect(refusal.body.error?.message).toBe("This needs the analyst role or higher");

  await page.reload();
  await expect(status).toContainText("Open");
  await expect(status).not.toContainText("Stalled");
  await expect(entries).toHaveCount(before);
});

test("signing out leads back to sign-in, and pages stay behind it", async ({ page }) => {
  await signInAsViewer(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toHaveCount(0);

  await page.goto("/grievances");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  await page.goto("/");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
  // The first-run page is closed for good once an admin exists.
  await page.goto("/setup");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
});

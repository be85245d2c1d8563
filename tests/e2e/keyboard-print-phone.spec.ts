import { expect, test, type Locator, type Page } from "@playwright/test";

// Issue 11: the keyboard shortcuts, a 390 px phone, and print. Runs on the seed, on both databases.

const ROWS = "main [data-keyboard-row]";

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

/** Focus on nothing in particular, as after a click on the page's background. */
async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test.describe("keyboard", () => {
  test("/ searches, j and k move through the list, Enter opens, s changes status, ? lists the shortcuts", async ({
    page,
  }) => {
    await open(page, "/grievances");
    const rows = page.locator(ROWS);
    expect(await rows.count()).toBeGreaterThan(2);

    // "/" focuses the header's search box; typing there is text, not shortcuts.
    await page.keyboard.press("/");
    const search = page.getByRole("search", { name: "Site search" }).getByRole("searchbox");
    await expect(search).toBeFocused();
    await page.keyboard.type("jk");
    await expect(search).toHaveValue("jk");
    await expect(rows.first()).not.toBeFocused();
    await search.fill("");
    await blur(page);

    await page.keyboard.press("j");
    await expect(rows.nth(0)).toBeFocused();
    await page.keyboard.press("j");
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press("k");
    await expect(rows.nth(0)).toBeFocused();
    // A chord with a modifier is the browser's, never a shortcut.
    await page.keyboard.press("Control+j");
    await expect(rows.nth(0)).toBeFocused();

    // "?" lists the shortcuts; Escape closes and gives focus back to the row.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help.getByText("Next row of the list")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await expect(rows.nth(0)).toBeFocused();

    // Enter opens the focused row.
    const title = rows.nth(0).locator("a[href]").first();
    const name = (await title.textContent())!.trim();
    const href = (await title.getAttribute("href"))!;
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL((url) => url.pathname === href.split("?")[0]);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.waitForLoadState("networkidle");

    // "s" on a grievance opens its status change, focus in it.
    await blur(page);
    await page.keyboard.press("s");
    const change = page.getByRole("dialog", { name: "Change status" });
    await expect(change).toBeVisible();
    await expect(change.getByLabel("New status")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(change).toBeHidden();

    // "s" on a list opens the focused row's grievance at its status change.
    await open(page, "/grievances");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    const second = (await rows.nth(1).locator("a[href]").first().getAttribute("href"))!.split("?")[0];
    await page.keyboard.press("s");
    await expect(page).toHaveURL((url) => url.pathname === second && url.hash === "#change-status");
    await expect(page.getByRole("dialog", { name: "Change status" })).toBeVisible();
  });
});

/** The box of `locator` lies within the phone's 390 px width. */
async function expectWithinWidth(locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const box = (await locator.boundingBox())!;
  expect(box.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} ends on screen`).toBeLessThanOrEqual(390);
}

test.describe("a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const [url, status, moved] of [
    ["/grievances", "Status", "Last moved"],
    // A meeting's last move is its date, the row's first cell (unlabelled on a phone, like a title).
    ["/meetings", "Status", "Date"],
    ["/parties", null, null],
    ["/venues", null, null],
  ] as const) {
    test(`${url} shows every row whole without sideways scrolling, and the header fits`, async ({ page }) => {
      await open(page, url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectWithinWidth(page.getByRole("banner"), "the header");
      const rows = page.locator(ROWS);
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const row = rows.nth(i);
        await expectWithinWidth(row.locator("a[href]").first(), `row ${i + 1}'s title`);
        if (status) await expectWithinWidth(row.locator(`[data-label="${status}"]`), `row ${i + 1}'s status`);
        const movedCell =
          moved === "Date" ? row.locator(":scope > :first-child") : row.locator(`[data-label="${moved}"]`);
        if (moved) await expectWithinWidth(movedCell, `row ${i + 1}'s ${moved}`);
      }
      if (url === "/grievances") {
        await page.screenshot({ path: "test-results/phone-grievances.png", fullPage: true });
      }
    });
  }
});

test.describe("print", () => {
  for (const url of ["/grievances", "/meetings"]) {
    test(`${url} prints without navigation or buttons, its links with their targets`, async ({ page }) => {
      await open(page, url);
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("banner")).toBeHidden();
      await expect(page.getByRole("navigation", { name: "Pagination" })).toBeHidden();
      await expect(page.locator("main button:visible")).toHaveCount(0);
      await expect(page.locator("main input:visible, main select:visible")).toHaveCount(0);
      const link = page.locator(ROWS).first().locator("a[href]").first();
      const href = await link.getAttribute("href");
      const after = await link.evaluate((a) => getComputedStyle(a, "::after").content);
      expect(after).toBe(`" (${href})"`);
      // The skip link is an in-page anchor: no target printed.
      const skip = await page.locator('a[href="#main"]').evaluate((a) => getComputedStyle(a, "::after").content);
      expect(skip).toBe("none");
      if (url === "/grievances") await page.screenshot({ path: "test-results/print-grievances.png", fullPage: true });
    });
  }

  test("a grievance prints as a brief: no navigation, no buttons", async ({ page }) => {
    await open(page, "/grievances");
    await open(page, (await page.locator(ROWS).first().locator("a[href]").first().getAttribute("href"))!);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("main button:visible")).toHaveCount(0);
  });
});

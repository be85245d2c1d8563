import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createGrievance, unique } from "./support";

// Bulk status change from the list (issue 11): tick rows, or take all that match, and move them
// to one status; a grievance someone else changed meanwhile refuses the whole batch.

/** Two grievances whose titles share a word no other journey uses, and the list filtered to them. */
async function twoGrievances(page: Page) {
  const word = unique("Bulkword").replace(" ", "");
  const titles = [`${word} consular visas`, `${word} embassy banking`];
  const ids = [];
  for (const title of titles) ids.push(await createGrievance(page, { title }));
  const listHref = `/grievances?q=${encodeURIComponent(word)}`;
  return { titles, ids, listHref };
}

const bulkPanel = (page: Page) => page.getByRole("form", { name: "Change the status of several grievances" });
/** The list's row of a grievance (not the report's). */
const rowOf = (page: Page, title: string) =>
  page
    .getByRole("table", { name: /^Grievances, sorted by/ })
    .getByRole("row")
    .filter({ hasText: title });

/** Opens the bulk panel (it opens by itself once a row is ticked, or after an answer). */
async function openPanel(page: Page) {
  const details = bulkPanel(page).locator("details");
  if ((await details.getAttribute("open")) === null)
    await page.getByText("Change the status of several grievances").click();
  await expect(details).toHaveAttribute("open", "");
}

async function fillMove(page: Page, status: string, reason: string) {
  await openPanel(page);
  const panel = bulkPanel(page);
  await panel.getByLabel("New status").selectOption({ label: status });
  await panel.getByLabel("Reason").fill(reason);
}

test("tick rows on the list, move them, and see each grievance's new status and history", async ({ page }) => {
  const { titles, ids, listHref } = await twoGrievances(page);
  await page.goto(listHref);
  for (const title of titles) await page.getByRole("checkbox", { name: `Select “${title}”` }).check();
  const reason = unique("Both parked until the next round");
  await fillMove(page, "Stalled", reason);
  await bulkPanel(page).getByRole("button", { name: "Change the 2 ticked" }).click();

  await expect(page.locator("#bulk-status-feedback")).toContainText("Moved 2 grievances to Stalled.");
  for (const title of titles) await expect(rowOf(page, title)).toContainText("Stalled");
  for (const id of ids) {
    await page.goto(`/grievances/${id}`);
    const newest = page.getByRole("list", { name: "Timeline · newest first" }).getByRole("listitem").first();
    await expect(newest).toContainText(/Open.*Stalled/);
    await expect(newest).toContainText(reason);
    await expect(newest).toContainText(`by ${ADMIN.name}`);
  }

  // All matching: a preview first, then the move with the versions it showed.
  await page.goto(listHref);
  await fillMove(page, "In negotiation", "Back on the table");
  await bulkPanel(page).getByRole("button", { name: "Preview all 2 matching" }).click();
  const preview = bulkPanel(page).getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("2 grievances will move to In negotiation.");
  await preview.getByRole("button", { name: "Change all 2" }).click();
  await expect(page.locator("#bulk-status-feedback")).toContainText("Moved 2 grievances to In negotiation.");
  for (const title of titles) await expect(rowOf(page, title)).toContainText("In negotiation");
});

test("a grievance changed in another tab meanwhile: the report names it, nothing is applied, then the rest moves", async ({
  page,
  context,
}) => {
  const { titles, ids, listHref } = await twoGrievances(page);
  await page.goto(listHref);
  for (const title of titles) await page.getByRole("checkbox", { name: `Select “${title}”` }).check();

  // Meanwhile, in a second tab, the second grievance is withdrawn.
  const other = await context.newPage();
  await other.goto(`/grievances/${ids[1]}`);
  await other.getByRole("button", { name: "Change status" }).click();
  const dialog = other.getByRole("dialog", { name: "Change status" });
  await dialog.getByLabel("New status").selectOption({ label: "Withdrawn" });
  await dialog.getByLabel("Reason").fill("Withdrawn by the other tab");
  await dialog.getByRole("button", { name: "Save status" }).click();
  await expect(dialog).toBeHidden();
  await other.close();

  await fillMove(page, "Resolved", "Settled in one go");
  await bulkPanel(page).getByRole("button", { name: "Change the 2 ticked" }).click();
  const report = bulkPanel(page).getByRole("region", { name: "Why nothing was applied" });
  await expect(report).toContainText("Nothing was applied");
  const staleRow = report.getByRole("row").filter({ hasText: titles[1]! });
  await expect(staleRow).toContainText("Changed meanwhile");
  await expect(staleRow).toContainText(`${ADMIN.name} moved it from Open to Withdrawn`);
  await expect(report.getByRole("row").filter({ hasText: titles[0]! })).toHaveCount(0);

  // Nothing moved: the list, re-read, still has the first one open and the other as the other tab left it.
  await expect(rowOf(page, titles[0]!).getByText("Open")).toBeVisible();
  await expect(rowOf(page, titles[1]!).getByText("Withdrawn")).toBeVisible();
  // The changed row was unticked; the rest moves on the next submit.
  await expect(page.getByRole("checkbox", { name: `Select “${titles[1]}”` })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select “${titles[0]}”` })).toBeChecked();
  await bulkPanel(page).getByRole("button", { name: "Change the 1 ticked" }).click();
  await expect(page.locator("#bulk-status-feedback")).toContainText("Moved 1 grievance to Resolved.");
  await expect(rowOf(page, titles[0]!).getByText("Resolved")).toBeVisible();
  await expect(rowOf(page, titles[1]!).getByText("Withdrawn")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the checkboxes and the bulk fields are one plain form", async ({ browser }) => {
    // Grievances are made with JavaScript on (the create form's party pickers), then moved without.
    const setup = await browser.newPage({ storageState: "data/e2e/admin.json", javaScriptEnabled: true });
    const { titles, listHref } = await twoGrievances(setup);
    await setup.close();
    const page = await browser.newPage({ storageState: "data/e2e/admin.json", javaScriptEnabled: false });
    await page.goto(listHref);
    for (const title of titles) await page.getByRole("checkbox", { name: `Select “${title}”` }).check();
    await fillMove(page, "Partially resolved", "One plain form");
    await bulkPanel(page).getByRole("button", { name: "Change the ticked" }).click();
    await expect(page.locator("#bulk-status-feedback")).toContainText("Moved 2 grievances to Partially resolved.");
    for (const title of titles) await expect(rowOf(page, title)).toContainText("Partially resolved");
    await page.close();
  });
});

import { expect, test } from "@playwright/test";
import { listedTotal, unique } from "./support";

// Saved views (issue 11): filter the list, save the view, find it in the header's "Views" menu
// with its count, open it, rename it, delete it; its old link then says it was deleted.

test("save a filtered view, open it from the navigation, rename and delete it", async ({ page }) => {
  await page.goto("/grievances?party=russia&role=raised&status=OPEN");
  const total = await listedTotal(page);
  const name = unique("Russia open");

  await page.getByText("Save this view", { exact: true }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText(`Saved “${name}”`)).toBeVisible();

  // In the header's menu, with the count of what it matches.
  await page.goto("/");
  const menu = page.getByRole("navigation", { name: "Saved views" });
  await menu.getByText("Views", { exact: true }).click();
  const entry = menu.getByRole("link", { name: new RegExp(name) });
  await expect(entry).toContainText(String(total));
  await entry.click();
  await expect(page).toHaveURL(
    (url) =>
      url.pathname === "/grievances" &&
      url.searchParams.get("party") === "russia" &&
      url.searchParams.get("status") === "OPEN",
  );
  const viewLink = `/views/${(await entry.getAttribute("href"))!.split("/").pop()}`;

  // Renamed on /views: the same link still opens it.
  await page.goto("/views");
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText(`${total} grievance`);
  await row.getByText("Rename", { exact: true }).click();
  const renamed = `${name} renamed`;
  await row.getByLabel("New name").fill(renamed);
  await row.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("link", { name: renamed, exact: true })).toBeVisible();

  const renamedRow = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: renamed, exact: true }) });
  await renamedRow.getByText("Delete…", { exact: true }).click();
  await renamedRow.getByRole("button", { name: "Yes, delete" }).click();
  // The row goes with its form once the page re-renders without the view.
  await expect(page.getByRole("link", { name: renamed, exact: true })).toHaveCount(0);

  await page.goto(viewLink);
  await expect(page.getByRole("heading", { name: "This view was deleted" })).toBeVisible();
});

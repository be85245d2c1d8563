import { expect, test } from "@playwright/test";
import { createGrievance, listedTitles, unique } from "./support";

test("search finds a Cyrillic title whatever its case", async ({ page }) => {
  // A suffix keeps the title unique; the words searched for are the Russian ones.
  const title = unique("Визы задерживаются в Москве");
  await createGrievance(page, { title, category: "Visas", raisedBy: ["United States"], addressedTo: ["Russia"] });

  // Lower case, in the header search (everything), then only the grievances.
  await page.goto("/grievances");
  const search = page.getByRole("searchbox", { name: "Search everything" });
  await search.fill("москве");
  await search.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "москве");
  const found = page.getByRole("region", { name: /^Grievances · / });
  await expect(found.getByRole("link", { name: title })).toBeVisible();
  await found.getByRole("link", { name: "Only grievances" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/grievances" && url.searchParams.get("q") === "москве");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  expect(await listedTitles(page)).not.toContain("Slow or blocked visas for diplomats");

  // Upper case, in the list's own search box.
  const filters = page.getByRole("form", { name: "Filter grievances" });
  await filters.getByLabel("Search text").fill("МОСКВЕ");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === "МОСКВЕ");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  expect(await listedTitles(page)).not.toContain("Slow or blocked visas for diplomats");
});

import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "../../playwright.config";
import { grievanceRows, listedTitles, listedTotal } from "./support";

// Seeded grievances (lib/seed/istanbul.ts) that the filter must keep or drop. Other journeys only
// change grievances they create, so these keep their seeded status.
const RUSSIA_RAISED_OPEN = ["Restoration of direct flights", "Limited embassy staff"];
const NOT_MATCHING = [
  "Return of frozen diplomatic properties", // raised by Russia, but In negotiation
  "Ban on hiring local staff", // Open, but raised by the United States
  "Banking hurdles under sanctions", // raised by Russia, but Partially resolved
];

test("filter by party, role and status, then share the URL with a colleague", async ({ page, browser }) => {
  await page.goto("/grievances");
  const unfiltered = await listedTotal(page);

  const filters = page.getByRole("form", { name: "Filter grievances" });
  await filters.getByLabel("Party", { exact: true }).selectOption("russia");
  await filters.getByLabel("As", { exact: true }).selectOption({ label: "raised by" });
  await filters.getByRole("group", { name: "Status" }).getByRole("checkbox", { name: "Open", exact: true }).check();
  await filters.getByRole("button", { name: "Apply" }).click();

  await expect(page).toHaveURL(
    (url) =>
      url.pathname === "/grievances" &&
      url.searchParams.get("party") === "russia" &&
      url.searchParams.get("role") === "raised" &&
      url.searchParams.getAll("status").join(",") === "OPEN",
  );
  await expect(page.getByText(/grievances? match · filters are in the URL/)).toBeVisible();

  const titles = await listedTitles(page);
  for (const title of RUSSIA_RAISED_OPEN) expect(titles).toContain(title);
  for (const title of NOT_MATCHING) expect(titles).not.toContain(title);
  expect(await listedTotal(page)).toBe(titles.length);
  expect(titles.length).toBeLessThan(unfiltered);

  // Every row is what was asked for: Open, with Russia among those who raised it ("RU → US").
  const cells = await grievanceRows(page).evaluateAll((rows) =>
    rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent ?? "")),
  );
  for (const [title, , flow, status] of cells) {
    expect(status?.trim(), title).toBe("Open");
    expect(flow?.split("→")[0], title).toContain("RU");
  }

  // A colleague opens the address in their own browser and sees the same view.
  const shared = page.url();
  const colleague = await browser.newContext({ storageState: ADMIN_STATE });
  try {
    const theirs = await colleague.newPage();
    await theirs.goto(shared);
    await expect(grievanceRows(theirs).locator("td:first-child a")).toHaveText(titles);
    const theirFilters = theirs.getByRole("form", { name: "Filter grievances" });
    await expect(theirFilters.getByLabel("Party", { exact: true })).toHaveValue("russia");
    await expect(theirFilters.getByLabel("As", { exact: true })).toHaveValue("raised");
    const statuses = theirFilters.getByRole("group", { name: "Status" });
    await expect(statuses.getByRole("checkbox", { name: "Open", exact: true })).toBeChecked();
    await expect(statuses.getByRole("checkbox", { name: "In negotiation" })).not.toBeChecked();
    await expect(statuses.getByRole("checkbox", { name: "Resolved", exact: true })).not.toBeChecked();
  } finally {
    await colleague.close();
  }
});

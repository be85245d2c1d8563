import { expect, test } from "@playwright/test";
import { listedTitles, listedTotal } from "./support";

test.use({ javaScriptEnabled: false });

test("without JavaScript the list, its filters and a grievance page are server-rendered", async ({ page }) => {
  await page.goto("/grievances");
  await expect(page.getByRole("link", { name: "Return of frozen diplomatic properties" })).toBeVisible();
  expect(await listedTotal(page)).toBe((await listedTitles(page)).length);

  // The filter form is a plain GET form.
  const filters = page.getByRole("form", { name: "Filter grievances" });
  await filters.getByLabel("Party", { exact: true }).selectOption("russia");
  await filters.getByLabel("As", { exact: true }).selectOption("raised");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(
    (url) => url.searchParams.get("party") === "russia" && url.searchParams.get("role") === "raised",
  );
  const titles = await listedTitles(page);
  expect(titles).toContain("Return of frozen diplomatic properties");
  expect(titles).not.toContain("Ban on hiring local staff");

  await page.getByRole("link", { name: "Return of frozen diplomatic properties" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Return of frozen diplomatic properties" })).toBeVisible();
  const entries = page.getByRole("list", { name: "Timeline · newest first" }).getByRole("listitem");
  await expect(entries.first()).toContainText(/Open.*In negotiation/);
  await expect(entries.last()).toContainText("Raised");
  await expect(page.getByRole("table", { name: "Meetings that discussed this grievance" })).toContainText(
    "Istanbul talks, 2nd round",
  );
});

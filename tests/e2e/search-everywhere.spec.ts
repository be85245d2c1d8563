import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Search everywhere (issue 11), over the seed: the header's one box finds the Istanbul rounds
// and the venues there, grouped by kind, and a match opens its record.

test("istanbul in the header box finds the rounds and the venues, grouped, and opens one", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search everything" });
  await search.fill("istanbul");
  await search.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/search" && url.searchParams.get("q") === "istanbul");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();

  const meetings = page.getByRole("region", { name: "Meetings · 2" });
  await expect(meetings.getByRole("link")).toHaveText(["Istanbul talks, 2nd round", "Istanbul talks, 1st round"]);
  // The matched word is marked where it stands, in the title and in why the round matched.
  await expect(meetings.locator("mark").first()).toHaveText("Istanbul");
  await expect(meetings.getByText("Russian Consulate General, Istanbul, Türkiye")).toBeVisible();

  const venues = page.getByRole("region", { name: "Venues · 2" });
  await expect(venues.getByRole("link")).toHaveText([
    "Residence of the US Consul General",
    "Russian Consulate General",
  ]);
  await expect(page.getByRole("region", { name: "Parties · 0" })).toBeVisible();

  // The marks, the empty groups and the two search landmarks stay accessible.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await meetings.getByRole("link", { name: "Istanbul talks, 1st round" }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Istanbul talks, 1st round" })).toBeVisible();
});

test("İSTANBUL and Türkiye fold; an empty search says what to type", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("İSTANBUL")}`);
  await expect(page.getByRole("region", { name: "Meetings · 2" })).toBeVisible();
  await page.getByRole("search", { name: "Search", exact: true }).getByRole("searchbox").fill("turkiye");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const parties = page.getByRole("region", { name: "Parties · 1" });
  await expect(parties.getByRole("link", { name: "Türkiye" })).toBeVisible();
  await parties.getByRole("link", { name: "Türkiye" }).click();
  await expect(page).toHaveURL(/\/parties\/turkiye$/);

  await page.goto("/search?q=%25");
  await expect(page.getByText("Search needs a letter or a digit")).toBeVisible();
});

test("Only grievances carries the words to the grievance list, whose filters stay beside them", async ({ page }) => {
  await page.goto("/search?q=russia");
  const grievances = page.getByRole("region", { name: /^Grievances · \d+$/ });
  await expect(grievances.getByRole("link", { name: "Ban on hiring local staff" })).toBeVisible();
  await grievances.getByRole("link", { name: "Only grievances" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/grievances" && url.searchParams.get("q") === "russia");
  const filters = page.getByRole("form", { name: "Filter grievances" });
  await expect(filters.getByLabel("Search text")).toHaveValue("russia");
});

import { expect, test } from "@playwright/test";
import { ADMIN, createGrievance, listedTotal, unique } from "./support";

test("create a grievance with its parties and a citation, and land on it", async ({ page }) => {
  const title = unique("Closure of the consulate in Yekaterinburg");
  const quote = "The closure leaves no consular service east of the Urals.";
  const source = "https://example.org/readouts/yekaterinburg";
  await createGrievance(page, {
    title,
    description: "The US suspended operations at its consulate in Yekaterinburg.",
    category: "Staffing",
    raisedBy: ["Russia", "Türkiye"],
    addressedTo: ["United States"],
    quote,
    source,
  });

  const facts = page.getByRole("complementary", { name: "Facts" });
  const raisedBy = facts.getByRole("definition").filter({ has: page.getByRole("link", { name: "Russia" }) });
  await expect(raisedBy.getByRole("listitem")).toHaveText(["Russia", "Türkiye"]);
  await expect(
    facts
      .getByRole("definition")
      .filter({ has: page.getByRole("link", { name: "United States" }) })
      .getByRole("listitem"),
  ).toHaveText(["United States"]);
  await expect(facts).toContainText("Staffing");
  await expect(page.getByRole("main")).toContainText("The US suspended operations at its consulate in Yekaterinburg.");
  await expect(page.getByRole("blockquote")).toContainText(quote);
  await expect(page.getByRole("region", { name: "Sources" })).toContainText("example.org");
  const first = page.getByRole("list", { name: "Timeline · newest first" }).getByRole("listitem");
  await expect(first).toHaveCount(1);
  await expect(first).toContainText(/Raised.*Open/);
  await expect(first).toContainText(`by ${ADMIN.name}`);

  // It is in the list.
  await page.goto(`/grievances?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  expect(await listedTotal(page)).toBe(1);
});

test("an empty new-grievance form shows the errors beside the fields and creates nothing", async ({ page }) => {
  await page.goto("/grievances");
  const before = await listedTotal(page);

  await page.goto("/grievances/new");
  const form = page.getByRole("main");
  await form.getByLabel("Description").fill("Typed before the refusal.");
  await form.getByRole("button", { name: "Create grievance" }).click();

  const titleField = form.getByLabel("Title");
  await expect(form.locator("#grievance-title-error")).toHaveText(/Title is required/);
  await expect(titleField).toHaveAttribute("aria-invalid", "true");
  await expect(titleField).toHaveAccessibleDescription(/Title is required/);
  await expect(form.locator("#grievance-category-error")).toHaveText(/Choose a category/);
  await expect(form.getByLabel("Category")).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator("#grievance-raised-by-error")).toBeVisible();
  // What was typed is kept, and the page did not move.
  await expect(form.getByLabel("Description")).toHaveValue("Typed before the refusal.");
  await expect(page).toHaveURL((url) => url.pathname === "/grievances/new");

  await page.goto("/grievances");
  expect(await listedTotal(page)).toBe(before);
});

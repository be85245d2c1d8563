import { expect, test } from "@playwright/test";
import { createGrievance, unique } from "./support";

// Issue 8 for quotes and sources, as an analyst (here the admin) corrects the record: a misquote
// is fixed and its first text stays in the revisions; the source is corrected on its own page,
// which lists every quote from it; a deleted quote leaves the grievance and comes back from there.

test("a quote is corrected, its source edited on its page, and a deleted quote restored", async ({ page }) => {
  const title = unique("Seized dachas in Maryland");
  const url = `https://example.org/${unique("readout").replace(" ", "-")}`;
  const misquote = "The properties will be returned soon.";
  await createGrievance(page, { title, category: "Property", quote: misquote, source: url });

  // The quote is corrected on the grievance's page; what it said first is in the revisions.
  const sources = page.getByRole("region", { name: "Sources" });
  await sources.getByText("Edit quote").click();
  const quote = "The return of the properties is on the agenda.";
  await sources.getByLabel("Quote", { exact: true }).fill(quote);
  await sources.getByLabel("Why it changed").fill("Misquoted from the readout");
  await sources.getByRole("button", { name: "Save quote" }).click();
  await expect(sources.getByText("Quote saved.")).toBeVisible();
  await expect(sources.getByRole("blockquote")).toContainText(quote);
  const revisions = page.getByRole("region", { name: /Revisions/ });
  await expect(revisions).toContainText("Quote:");
  await expect(revisions).toContainText(misquote);
  await expect(revisions).toContainText("Misquoted from the readout");

  // The source's title leads to its page: corrected there, and every quote from it listed.
  await sources.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { level: 1, name: url })).toBeVisible();
  const sourceTitle = unique("Readout of the consular round");
  const edit = page.getByRole("region", { name: "Edit source" });
  await edit.getByLabel("Title").fill(sourceTitle);
  await edit.getByLabel("Publisher").fill("Ministry of Foreign Affairs");
  await edit.getByLabel("Published").fill("2025-02-27");
  await edit.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: sourceTitle })).toBeVisible();
  await expect(page.getByRole("region", { name: /Revisions/ })).toContainText("Ministry of Foreign Affairs");
  const quotes = page.getByRole("region", { name: /Quotes from it/ });
  await expect(quotes).toContainText(quote);

  // Deleted from the grievance (admins), the quote leaves it; its source's page restores it.
  await quotes.getByRole("link", { name: title }).click();
  await expect(sources).toContainText(sourceTitle);
  await sources.getByText("Delete quote…").click();
  await sources.getByRole("button", { name: "Yes, delete" }).click();
  await expect(sources).toContainText("No quoted sources.");
  await page.goBack();
  await page.reload();
  await expect(quotes).toContainText("Deleted quote");
  await quotes.getByRole("button", { name: "Restore quote" }).click();
  // Restored, it is listed as any other quote (its Restore control goes with the mark).
  await expect(quotes).not.toContainText("Deleted quote");
  await quotes.getByRole("link", { name: title }).click();
  await expect(sources.getByRole("blockquote")).toContainText(quote);
});

import { expect, test } from "@playwright/test";
import { createGrievance, unique } from "./support";

// Issue 8 as an analyst meets it: a round logged days after it happened reads as happening at the
// round; an edited note keeps what it said; the list replays a past day.

test("a past round's outcome is dated at the round, an edited note keeps its old text, the list replays a past day", async ({
  page,
}) => {
  const title = unique("Notification of diplomats' travel");
  await createGrievance(page, { title, category: "Visas", raisedOn: "2025-01-10" });

  const meeting = unique("Geneva talks, 1st round");
  await page.goto("/meetings/new");
  const form = page.getByRole("main");
  await form.getByLabel("Title", { exact: true }).fill(meeting);
  await form.getByLabel("Date").fill("2025-03-15");
  await expect(form.getByLabel("Status", { exact: true })).toHaveValue("HELD");
  await form.getByRole("button", { name: "Log meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: meeting })).toBeVisible();

  // Logged today, for a round held on 15 Mar 2025.
  const outcome = page.getByRole("region", { name: "Log outcome" });
  await expect(outcome.getByRole("button", { name: "Add grievance" })).toBeVisible();
  await outcome.getByLabel("Grievance for row 1").selectOption({ label: title });
  await outcome.getByLabel(`New status for ${title}`).selectOption({ label: "In negotiation" });
  const firstNote = "Both sides agreed to notify travel 48 hours ahead.";
  await outcome.getByLabel(`Note for ${title}`).fill(firstNote);
  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.locator("#outcome-feedback")).toHaveText("Outcome saved for 1 grievance, 1 with a new status.");

  // The note is edited; its first text stays in the meeting's revisions.
  const agenda = page.getByRole("table", { name: "Grievances discussed at this meeting" });
  const row = agenda.getByRole("row").filter({ hasText: title });
  await row.getByText("Edit note").click();
  const secondNote = "Both sides agreed to notify travel 72 hours ahead.";
  await row.getByLabel("Note", { exact: true }).fill(secondNote);
  await row.getByRole("button", { name: "Save note" }).click();
  await expect(row).toContainText(secondNote);
  const revisions = page.getByRole("region", { name: /Revisions/ });
  await expect(revisions).toContainText("Agenda note:");
  await expect(revisions).toContainText(firstNote);
  await expect(revisions).toContainText(secondNote);

  // On the grievance's timeline the move happened at the round and was recorded today.
  await row.getByRole("link", { name: title }).click();
  const newest = page.getByRole("list", { name: "Timeline · newest first" }).getByRole("listitem").first();
  await expect(newest).toContainText(/Open.*In negotiation/);
  await expect(newest).toContainText("15 Mar 2025");
  await expect(newest).toContainText("recorded");

  // As of 1 Mar 2025 it was still open; as of 20 Mar, in negotiation; before it was raised, absent.
  const listRow = page.getByRole("row").filter({ hasText: title });
  await page.goto(`/grievances?q=${encodeURIComponent(title)}&asOf=2025-03-01`);
  await expect(page.getByRole("status").filter({ hasText: "As of 1 Mar 2025" })).toBeVisible();
  await expect(listRow).toContainText("Open");
  await page.goto(`/grievances?q=${encodeURIComponent(title)}&asOf=2025-03-20`);
  await expect(listRow).toContainText("In negotiation");
  await page.goto(`/grievances?q=${encodeURIComponent(title)}&asOf=2025-01-01`);
  await expect(listRow).toHaveCount(0);
  await page.getByRole("link", { name: "Back to today" }).first().click();
  await expect(page).not.toHaveURL(/asOf=/);
  await expect(listRow).toContainText("In negotiation");
});

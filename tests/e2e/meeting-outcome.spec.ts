import { expect, test } from "@playwright/test";
import { createGrievance, idFromUrl, unique } from "./support";

test("log one meeting's outcome for two grievances at once", async ({ page }) => {
  const moved = unique("Parking for diplomatic vehicles");
  const discussed = unique("Access to the consulate archive");
  // Both raised before the round: nothing is dated before a grievance was raised (ADR 011), and the
  // move at the round is the newest entry of its timeline.
  const movedId = await createGrievance(page, { title: moved, category: "Property", raisedOn: "2025-05-20" });
  await createGrievance(page, { title: discussed, category: "Property", raisedOn: "2025-05-20" });

  // A held round, logged in the test so its outcome table starts with blank rows.
  const meeting = unique("Vienna talks, 1st round");
  await page.goto("/meetings/new");
  const form = page.getByRole("main");
  await form.getByLabel("Title", { exact: true }).fill(meeting);
  await form.getByLabel("Date").fill("2025-06-02");
  await expect(form.getByLabel("Status", { exact: true })).toHaveValue("HELD");
  await form.getByRole("button", { name: "Log meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/(?!new)[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1, name: meeting })).toBeVisible();
  const meetingId = idFromUrl(page.url());

  const outcome = page.getByRole("region", { name: "Log outcome" });
  // The rows are interactive only once the page has hydrated; the button appears then.
  await expect(outcome.getByRole("button", { name: "Add grievance" })).toBeVisible();

  await outcome.getByLabel("Grievance for row 1").selectOption({ label: moved });
  await outcome.getByLabel(`New status for ${moved}`).selectOption({ label: "In negotiation" });
  const movedNote = "Both sides agreed to a working group on parking.";
  await outcome.getByLabel(`Note for ${moved}`).fill(movedNote);

  await outcome.getByLabel("Grievance for row 2").selectOption({ label: discussed });
  const discussedNote = "Raised briefly; no answer yet.";
  await outcome.getByLabel(`Note for ${discussed}`).fill(discussedNote);

  await outcome.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.locator("#outcome-feedback")).toHaveText("Outcome saved for 2 grievances, 1 with a new status.");

  const agenda = page.getByRole("table", { name: "Grievances discussed at this meeting" });
  const movedRow = agenda.getByRole("row").filter({ hasText: moved });
  const discussedRow = agenda.getByRole("row").filter({ hasText: discussed });
  await expect(movedRow).toContainText("In negotiation");
  await expect(movedRow).toContainText(movedNote);
  await expect(discussedRow).toContainText("no change");
  await expect(discussedRow).toContainText(discussedNote);
  await expect(page.getByRole("heading", { name: /Agenda · 2 grievances/ })).toBeVisible();

  // The grievance that moved shows the move at this meeting, with the note as its reason.
  await movedRow.getByRole("link", { name: moved }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/grievances/${movedId}`);
  const newest = page.getByRole("list", { name: "Timeline · newest first" }).getByRole("listitem").first();
  await expect(newest).toContainText(/Open.*In negotiation/);
  await expect(newest).toContainText(movedNote);
  // Dated at the round, though it was typed today.
  await expect(newest).toContainText("2 Jun 2025");
  await expect(newest).toContainText("recorded");
  await expect(newest.getByRole("link", { name: meeting })).toHaveAttribute("href", `/meetings/${meetingId}`);
});

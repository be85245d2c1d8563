import { expect, test } from "@playwright/test";
import { ADMIN, createGrievance, unique } from "./support";

test("change a status with a reason and see it in the timeline", async ({ page }) => {
  const title = unique("Consular access to detained nationals");
  await createGrievance(page, { title, category: "Other" });

  const timeline = page.getByRole("list", { name: "Timeline · newest first" });
  const entries = timeline.getByRole("listitem");
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText("Raised");

  // Without a reason: the field error, and nothing is saved.
  await page.getByRole("button", { name: "Change status" }).click();
  let dialog = page.getByRole("dialog", { name: "Change status" });
  await dialog.getByLabel("New status").selectOption({ label: "Stalled" });
  await dialog.getByRole("button", { name: "Save status" }).click();
  await expect(dialog.locator("#change-status-reason-error")).toHaveText(/Reason is required to change the status/);
  await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(entries).toHaveCount(1);
  await expect(page.getByText("Status:").locator("..")).toContainText("Open");

  // With a reason: the newest entry shows the move, the reason and who made it.
  const reason = unique("Moscow agreed to discuss it at the next round");
  await page.getByRole("button", { name: "Change status" }).click();
  dialog = page.getByRole("dialog", { name: "Change status" });
  await dialog.getByLabel("New status").selectOption({ label: "In negotiation" });
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByLabel("Meeting").selectOption({ label: "No meeting" });
  await dialog.getByRole("button", { name: "Save status" }).click();
  await expect(dialog).toBeHidden();

  const newest = entries.first();
  await expect(entries).toHaveCount(2);
  await expect(newest).not.toContainText("saving…");
  await expect(newest).toContainText(/Open.*In negotiation/);
  await expect(newest).toContainText(reason);
  await expect(newest).toContainText(`by ${ADMIN.name}`);
  await expect(page.getByText("Status:").locator("..")).toContainText("In negotiation");

  await page.reload();
  await expect(entries).toHaveCount(2);
  await expect(newest).toContainText(/Open.*In negotiation/);
  await expect(newest).toContainText(reason);
  await expect(newest).toContainText(`by ${ADMIN.name}`);
  await expect(entries.nth(1)).toContainText("Raised");
});

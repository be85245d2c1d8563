import { expect, test, type Page } from "@playwright/test";
import { unique } from "./support";

// Importing grievances from a CSV file: from the list's "Import CSV", a dry run that shows the
// rows and the problems, then "Import N grievances", and the new grievances in the list. Once
// with JavaScript and once without (plain forms posting to the server actions).

const HEADER = "title,description,category,status,raisedBy,addressedTo";

function csvFile(lines: string[]) {
  // Excel's "CSV UTF-8": a BOM and CRLF line ends.
  return {
    name: "grievances.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`, "utf8"),
  };
}

async function checkFile(page: Page, file: ReturnType<typeof csvFile>) {
  await page.getByLabel("CSV file", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Check the file" }).click();
}

async function importJourney(page: Page) {
  const first = unique("Imported visas");
  const second = unique("Imported banking");

  await page.goto("/grievances");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import grievances" })).toBeVisible();

  // A file with an unknown party: the dry run names it, by row and column, and offers no import.
  await checkFile(page, csvFile([`${first},,VISAS,,russia,Atlantis`]));
  const problems = page.getByRole("table", { name: "Problems in the file, by row and column" });
  await expect(problems).toContainText('Unknown party "Atlantis"');
  await expect(problems.getByRole("row").nth(1)).toContainText("addressedTo");
  await expect(page.getByText("Parties not found by slug or name")).toContainText("Atlantis");
  await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);

  // The corrected file: parties by slug and by name (any case, no accents), one with a status.
  await page.getByRole("link", { name: "Check another file" }).click();
  await checkFile(
    page,
    csvFile([
      `${first},,VISAS,,russia,UNITED STATES`,
      `${second},"Two, with a comma",BANKING,STALLED,Turkiye;russia,united-states`,
    ]),
  );
  await expect(page.getByText("Dry run: 2 grievances ready to import")).toBeVisible();
  const rows = page.getByRole("table", { name: "The file's rows and what each would create" });
  await expect(rows.getByRole("row", { name: new RegExp(first) })).toContainText("United States");
  await expect(rows.getByRole("row", { name: new RegExp(second) })).toContainText("Türkiye, Russia");
  await expect(rows.getByRole("row", { name: new RegExp(second) })).toContainText("Stalled");

  await page.getByRole("button", { name: "Import 2 grievances" }).click();
  await expect(page).toHaveURL(/\/grievances\?sort=created/);
  await expect(page.getByRole("link", { name: first })).toBeVisible();
  await expect(page.getByRole("link", { name: second })).toBeVisible();

  // The imported status is a move of its own, saying where it came from.
  await page.getByRole("link", { name: second }).click();
  await expect(page.getByText("Imported with status Stalled from a CSV file")).toBeVisible();
}

test("an analyst imports grievances from a CSV file after a dry run", async ({ page }) => {
  await importJourney(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the upload, the dry run and the import are plain forms", async ({ page }) => {
    await importJourney(page);
  });
});

import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "../../playwright.config";
import { listedTitles, listedTotal } from "./support";

// Export from the grievance list (issue 11): the file holds exactly the rows the filtered table
// shows, in its order. With JavaScript the click streams the export and reports its progress,
// then saves it; the link itself is the download without JavaScript.

const FILTERED = "/grievances?party=russia&role=raised&sort=title";

test("export the filtered grievance list as CSV and JSON: the files' rows are the table's", async ({ page }) => {
  await page.goto(FILTERED);
  const titles = await listedTitles(page);
  expect(titles.length).toBeGreaterThan(1);
  expect(await listedTotal(page)).toBe(titles.length);

  const csvLink = page.getByRole("link", { name: "Export grievances as CSV" });
  // Without JavaScript the link is the download: the list's filters, read by the API as CSV.
  const href = new URL((await csvLink.getAttribute("href"))!, page.url());
  expect(href.pathname).toBe("/api/v1/grievances");
  expect(Object.fromEntries(href.searchParams)).toEqual({
    party: "russia",
    role: "raised",
    sort: "title",
    format: "csv",
  });

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^grievances-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await csvDownload.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(records.map((record) => record.title)).toEqual(titles);
  expect(records.every((record) => record.raisedBy?.split(";").includes("russia"))).toBe(true);
  await expect(page.getByTestId("export-progress")).toContainText(`Exported ${titles.length} rows`);

  const [jsonDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export grievances as JSON" }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
  const items = JSON.parse(fs.readFileSync((await jsonDownload.path())!, "utf8")) as Array<{ title: string }>;
  expect(items.map((item) => item.title)).toEqual(titles);
  await expect(page.getByTestId("export-progress")).toContainText(`Exported ${titles.length} rows`);
});

test("the export link downloads without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: ADMIN_STATE });
  try {
    const page = await context.newPage();
    await page.goto(FILTERED);
    const titles = await listedTitles(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export grievances as CSV" }).click(),
    ]);
    const records = parse(fs.readFileSync((await download.path())!), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    expect(records.map((record) => record.title)).toEqual(titles);
  } finally {
    await context.close();
  }
});

import fs from "node:fs";
import { expect, test, type Request } from "@playwright/test";
import { ADMIN_STATE, baseURL } from "../../playwright.config";
// @ts-expect-error -- a plain .mjs script with no type declarations; pageWeight's shape is checked below.
import { pageWeight } from "../../scripts/page-weight.mjs";
import { grievanceRows } from "./support";

// Issue 10's page-weight budgets, held without timing anything: for one build and one page of
// data these sizes are the same on every run, so a regression (a client component handed the
// rows, a library pulled into the root layout, a row link that prefetches) fails here.

/**
 * The list's HTML at 25 rows, its inline RSC payload included (uncompressed), as an admin sees it
 * on the seed plus 25 grievances: 104,348 B when this budget was first set; 114,800 B run alone
 * once issue 11 added the phone cards' column names on every cell (data-label), the rows j/k move
 * through, the bulk status form and the saved views in the header. Issue 10 asks for 50 KiB; what is
 * left is mostly the rows, each rendered twice (HTML and payload). The budget holds that plus 6 KiB
 * for what the journeys before this one leave in the database (meetings in the two meeting pickers,
 * saved views in the header), so that a regression, not the order of the journeys, fails it.
 */
const LIST_HTML_BUDGET = 118 * 1024;
/**
 * The gzipped JavaScript the list loads: 149,738 B when this budget was set. Issue 10 asks for
 * 110 KB; Next 16's own runtime (React DOM, the App Router, Turbopack's loader: what a page with
 * no client component of ours loads) is ~138 KB of it by the same measure, and the app's own is
 * ~12 KB (the bulk status form ~7.5, the filter form, search box, nav and error pages). So the
 * budget is that plus 2 KB: zod (~32 KB), React Query (~13 KB) or Radix back on the list fails it.
 */
const LIST_JS_BUDGET = 152_000;
const ROWS = 25;
/** The primary nav's sections, the only links on the list that prefetch. */
const SECTIONS = ["/", "/grievances", "/meetings", "/parties", "/venues"];
const LIST = `/grievances?limit=${ROWS}`;

type Weight = { htmlBytes: number; flightBytes: number; jsGzipBytes: number; scripts: unknown[] };

/** The admin's session as a Cookie header, for the measuring fetches (they are not the browser). */
function adminCookie(): string {
  const state = JSON.parse(fs.readFileSync(ADMIN_STATE, "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test.beforeAll(async ({ playwright }) => {
  // Enough grievances for a full page of 25 whatever else the journeys made (the seed has 11).
  const api = await playwright.request.newContext({
    baseURL,
    storageState: ADMIN_STATE,
    extraHTTPHeaders: { origin: baseURL },
  });
  try {
    const listed = await api.get("/api/v1/grievances?limit=1");
    expect(listed.status()).toBe(200);
    const { total } = (await listed.json()) as { total: number };
    for (let i = total; i < ROWS; i++) {
      const created = await api.post("/api/v1/grievances", {
        data: {
          title: `Page weight row ${i} about consular access`,
          category: "VISAS",
          raisedBy: ["russia"],
          addressedTo: ["united-states"],
        },
      });
      expect(created.status(), await created.text()).toBe(201);
    }
  } finally {
    await api.dispose();
  }
});

test("the grievance list at 25 rows stays within its HTML and JavaScript budgets", async ({ page }) => {
  await page.goto(LIST);
  await expect(grievanceRows(page)).toHaveCount(ROWS);

  const weight = (await pageWeight(new URL(LIST, baseURL).toString(), {
    headers: { cookie: adminCookie() },
  })) as Weight;
  console.log(
    `${LIST}: HTML ${weight.htmlBytes} B (RSC payload ${weight.flightBytes} B), ` +
      `JavaScript ${weight.jsGzipBytes} B gzipped in ${weight.scripts.length} files`,
  );
  expect(weight.scripts.length).toBeGreaterThan(0);
  expect(weight.htmlBytes, "HTML of the list, RSC payload included").toBeLessThanOrEqual(LIST_HTML_BUDGET);
  expect(weight.jsGzipBytes, "gzipped JavaScript the list loads").toBeLessThanOrEqual(LIST_JS_BUDGET);
});

test("the grievance list prefetches none of its rows' pages", async ({ page }) => {
  const prefetches: string[] = [];
  const isPrefetch = (request: Request) =>
    request.headers()["next-router-prefetch"] !== undefined || new URL(request.url()).searchParams.has("_rsc");
  page.on("request", (request) => {
    if (isPrefetch(request)) prefetches.push(new URL(request.url()).pathname);
  });

  await page.goto(LIST);
  await expect(grievanceRows(page)).toHaveCount(ROWS);
  // Links prefetch as they come into view: bring every row into view, then let the network settle.
  await grievanceRows(page).last().scrollIntoViewIfNeeded();
  await page.waitForLoadState("networkidle");

  console.log(`${LIST}: ${prefetches.length} prefetch requests (${[...new Set(prefetches)].join(", ")})`);
  const rowPages = prefetches.filter((path) => /^\/(grievances|meetings)\/[^/]+$/.test(path));
  expect(rowPages, "prefetched pages of rows").toEqual([]);
  // What may prefetch is the primary nav's sections (components/primary-nav.tsx), never a row's
  // page, another order or page of the list, or a form.
  expect([...new Set(prefetches)].filter((path) => !SECTIONS.includes(path))).toEqual([]);
});

test("the list still navigates without a full reload when a row is clicked", async ({ page }) => {
  await page.goto(LIST);
  // A marker on the window survives a client-side navigation and not a document load.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const first = grievanceRows(page).first().locator("td:first-child a");
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

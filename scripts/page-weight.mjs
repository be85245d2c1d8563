#!/usr/bin/env node
// What a page weighs as a browser gets it (issue 10's page-weight budgets): the HTML as sent
// uncompressed, how much of it is the inline RSC payload (React's copy of the tree, in
// self.__next_f.push scripts), and the JavaScript the page loads, each file gzipped with node:zlib
// and summed. Every chunk the page names counts: the <script src> tags and the chunks the payload
// names for its client components (the runtime loads those before hydrating). Sizes are
// deterministic for one build and one page of data, so tests/e2e/page-weight.spec.ts can hold
// them to a budget without timing anything.
//
//   node scripts/page-weight.mjs http://127.0.0.1:3000/grievances?limit=25 [--token T]
//
// A page behind sign-in takes an API token (`npm run users -- token --email …`; the header is
// Authorization: Bearer, which pages accept as they accept a session) or BACKCHANNEL_TOKEN.
import { gzipSync } from "node:zlib";

const CHUNK = /\/_next\/static\/chunks\/[A-Za-z0-9._~\-/]+?\.js/g;
const FLIGHT_SCRIPT = /<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g;
const NO_MODULE_SCRIPT = /<script\b[^>]*\bnoModule\b[^>]*>/gi;

/**
 * The chunks a page's HTML makes a browser load, in order, each once. The noModule script (Next's
 * polyfills for browsers without ES modules) is left out: browsers that run modules, every one
 * this app supports, neither run nor fetch it.
 */
export function chunksOf(html) {
  const noModule = new Set((html.match(NO_MODULE_SCRIPT) ?? []).flatMap((tag) => tag.match(CHUNK) ?? []));
  return [...new Set(html.match(CHUNK) ?? [])].filter((path) => !noModule.has(path));
}

/** Bytes of the inline RSC payload: every self.__next_f.push script, tags included. */
export function flightBytes(html) {
  return (html.match(FLIGHT_SCRIPT) ?? []).reduce((sum, tag) => sum + Buffer.byteLength(tag), 0);
}

/**
 * Fetches `url` (uncompressed: `accept-encoding: identity`, so the figure is the page's own size,
 * not the compressor's) and every chunk it loads.
 * @param {string} url
 * @param {{ headers?: Record<string, string> }} [options]
 */
export async function pageWeight(url, { headers = {} } = {}) {
  const response = await fetch(url, { headers: { ...headers, "accept-encoding": "identity" }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`);
  const html = await response.text();
  const scripts = [];
  for (const path of chunksOf(html)) {
    const chunk = await fetch(new URL(path, url), { headers: { "accept-encoding": "identity" } });
    if (!chunk.ok) throw new Error(`${path} answered ${chunk.status}`);
    const body = Buffer.from(await chunk.arrayBuffer());
    scripts.push({ path, bytes: body.length, gzipBytes: gzipSync(body).length });
  }
  return {
    htmlBytes: Buffer.byteLength(html),
    flightBytes: flightBytes(html),
    scripts,
    jsGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
  };
}

const KIB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const KB = (n) => `${(n / 1000).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const tokenAt = args.indexOf("--token");
  const token = tokenAt >= 0 ? args.splice(tokenAt, 2)[1] : process.env.BACKCHANNEL_TOKEN;
  const verbose = args.includes("--chunks");
  const urls = args.filter((a) => !a.startsWith("--"));
  if (urls.length === 0) {
    console.error("Usage: node scripts/page-weight.mjs <url>… [--token T] [--chunks]");
    process.exit(2);
  }
  for (const url of urls) {
    const weight = await pageWeight(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    console.log(url);
    console.log(`  HTML ${KIB(weight.htmlBytes)}, of which inline RSC payload ${KIB(weight.flightBytes)}`);
    console.log(`  JavaScript ${KB(weight.jsGzipBytes)} gzipped in ${weight.scripts.length} files`);
    if (verbose)
      for (const s of [...weight.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes))
        console.log(`    ${KB(s.gzipBytes).padStart(9)}  ${s.path}`);
  }
}

#!/usr/bin/env node
// `npm run audit`: the production dependencies against the registry's advisories. Fails (exit 1)
// on any high or critical advisory and lists them. When the registry's audit endpoint cannot be
// reached or answers an error (mirrors and proxies often refuse it with 405), the audit is skipped
// with exit 0, and says so: it never passes silently. Either way it prints one summary line
// starting "npm audit:". `npm run audit` runs scripts/version-floors.mjs first: the offline check of
// the security floors, which fails on a downgrade even where this audit is skipped.
//
//   node scripts/audit.mjs                  runs `npm audit --omit=dev --json`
//   node scripts/audit.mjs --input <file>   reads a saved `npm audit --json` report instead
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const TIMEOUT_MS = 60_000;
const FAILING = new Set(["high", "critical"]);

function finish(code, line, details = []) {
  for (const detail of details) console.log(detail);
  console.log(line);
  process.exit(code);
}

function skip(reason) {
  finish(0, `npm audit: skipped — the registry's audit endpoint answered ${reason}`);
}

/** Runs npm audit; returns its stdout, or skips when npm could not get an answer at all. */
function runAudit() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["audit", "--omit=dev", "--json"], {
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false" },
  });
  if (result.error?.code === "ETIMEDOUT" || result.signal === "SIGTERM")
    skip(`nothing within ${TIMEOUT_MS / 1000} s (timed out)`);
  if (result.error) finish(1, `npm audit: failed — could not run npm (${result.error.code ?? result.error.message})`);
  return { stdout: result.stdout ?? "", stderr: result.stderr ?? "", status: result.status };
}

// Codes that mean the registry, or the way to it, did not give an audit: not the project's fault.
const NETWORK_CODES =
  /\b(E[45]\d\d|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENETDOWN|EPROTO|ERR_SOCKET_TIMEOUT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED|DEPTH_ZERO_SELF_SIGNED_CERT)\b/;

function firstLine(text) {
  return (
    String(text ?? "")
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean) ?? ""
  );
}

/** Why npm's error report is a registry or network failure, or null when it is something else. */
function registryFailure(report, stderr) {
  const error = report?.error ?? {};
  const status = typeof report?.statusCode === "number" ? report.statusCode : null;
  const code = typeof error.code === "string" ? error.code : typeof report?.code === "string" ? report.code : null;
  const message = firstLine(report?.message ?? error.summary ?? error.detail);
  const text = [code, message, error.summary, error.detail, stderr].filter(Boolean).join(" ");
  if (status !== null || NETWORK_CODES.test(text) || /audit endpoint returned an error/i.test(text)) {
    const what =
      status !== null ? `${status}${code ? ` ${code}` : ""}` : (code ?? NETWORK_CODES.exec(text)?.[1] ?? "an error");
    return message && !message.startsWith(String(status)) ? `${what} (${message})` : message || what;
  }
  return null;
}

function advisoryLines(report) {
  const lines = [];
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
    if (!FAILING.has(vulnerability.severity)) continue;
    const advisories = (vulnerability.via ?? []).filter((via) => typeof via === "object" && via);
    const through = (vulnerability.via ?? []).filter((via) => typeof via === "string");
    const fix =
      vulnerability.fixAvailable === true
        ? "fix: npm audit fix"
        : vulnerability.fixAvailable
          ? `fix: ${vulnerability.fixAvailable.name}@${vulnerability.fixAvailable.version}`
          : "no fix yet";
    lines.push(`  ${vulnerability.severity.toUpperCase()} ${name} ${vulnerability.range ?? ""} (${fix})`.trimEnd());
    for (const advisory of advisories)
      lines.push(`    ${advisory.title ?? "advisory"}${advisory.url ? ` — ${advisory.url}` : ""}`);
    if (through.length) lines.push(`    through ${through.join(", ")}`);
  }
  return lines;
}

function main() {
  const inputIndex = process.argv.indexOf("--input");
  const { stdout, stderr } =
    inputIndex > 0 ? { stdout: fs.readFileSync(process.argv[inputIndex + 1] ?? "", "utf8"), stderr: "" } : runAudit();

  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    const reason = registryFailure(null, stderr);
    if (reason) skip(reason);
    finish(1, `npm audit: failed — npm gave no JSON report (${firstLine(stderr) || "no output"})`);
  }

  const counts = report?.metadata?.vulnerabilities;
  if (counts && typeof counts === "object") {
    const failing = (counts.high ?? 0) + (counts.critical ?? 0);
    const summary = ["critical", "high", "moderate", "low", "info"]
      .map((level) => `${counts[level] ?? 0} ${level}`)
      .join(", ");
    if (failing > 0)
      finish(
        1,
        `npm audit: FAILED — ${failing} production packages with high or critical advisories (${summary})`,
        advisoryLines(report),
      );
    finish(0, `npm audit: ok — no high or critical advisories in production dependencies (${summary})`);
  }

  const reason = registryFailure(report, stderr);
  if (reason) skip(reason);
  finish(
    1,
    `npm audit: failed — unexpected report (${firstLine(report?.message ?? report?.error?.summary ?? stdout).slice(0, 200) || "empty"})`,
  );
}

main();

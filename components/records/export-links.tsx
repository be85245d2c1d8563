"use client";

import { useRef, useState, type MouseEvent } from "react";
import { buttonClasses } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { TOTAL_HEADER, type ExportFormat } from "@/lib/export/format";
import { exportHref } from "@/lib/export/links";
import { rowCounter } from "@/lib/export/progress";

// "Export CSV" / "Export JSON" of exactly what a list shows: links to the list's API read with
// `format`, which a browser without JavaScript simply downloads (the session cookie signs the
// GET; the answer is an attachment). With JavaScript the click fetches the same address and reads
// the stream itself, so a long export shows rows and bytes as they arrive, then saves the file.

const LABELS: Record<ExportFormat, string> = { csv: "CSV", json: "JSON" };

type Progress =
  | { state: "idle" }
  | { state: "running"; format: ExportFormat; rows: number; bytes: number; total: number | null }
  | { state: "done"; format: ExportFormat; rows: number; bytes: number }
  | { state: "failed"; message: string };

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function filenameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallback;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not the API's error body (a proxy's page): say the status instead.
  }
  return `the server answered ${response.status}`;
}

/** Hands the received bytes to the browser as a download under the server's filename. */
function save(chunks: BlobPart[], type: string, filename: string) {
  const url = URL.createObjectURL(new Blob(chunks, { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the time the next task runs; keep it a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportLinks({ href, what }: { href: string; what: string }) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run(event: MouseEvent<HTMLAnchorElement>, format: ExportFormat) {
    // A modified click (new tab, save as) is the browser's to handle, as for any link.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    const url = exportHref(href, format);
    const counter = rowCounter(format);
    let bytes = 0;
    try {
      const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok || !response.body) throw new Error(`The export failed: ${await errorMessage(response)}`);
      const totalHeader = response.headers.get(TOTAL_HEADER);
      const total = totalHeader === null ? null : Number(totalHeader);
      setProgress({ state: "running", format, rows: 0, bytes: 0, total });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const chunks: BlobPart[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        counter.push(decoder.decode(value, { stream: true }));
        setProgress({ state: "running", format, rows: counter.rows, bytes, total });
      }
      save(
        chunks,
        response.headers.get("content-type") ?? "application/octet-stream",
        filenameOf(response, `export.${format}`),
      );
      setProgress({ state: "done", format, rows: counter.rows, bytes });
    } catch (error) {
      const message = controller.signal.aborted
        ? "Export cancelled."
        : error instanceof Error && error.message.startsWith("The export failed")
          ? error.message
          : `The export was cut short after ${formatNumber(counter.rows)} rows; try again.`;
      setProgress({ state: "failed", message });
    } finally {
      abort.current = null;
    }
  }

  const running = progress.state === "running";
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      {(["csv", "json"] as const).map((format) => (
        <a
          key={format}
          href={exportHref(href, format)}
          download
          onClick={(event) => void run(event, format)}
          aria-label={`Export ${what} as ${LABELS[format]}`}
          aria-disabled={running || undefined}
          className={buttonClasses({ variant: "ghost" })}
        >
          Export {LABELS[format]}
        </a>
      ))}
      {running ? (
        <button
          type="button"
          className={buttonClasses({ variant: "ghost", size: "sm" })}
          onClick={() => abort.current?.abort()}
        >
          Cancel
        </button>
      ) : null}
      <span role="status" aria-live="polite" className="text-xs text-slate-600" data-testid="export-progress">
        {progress.state === "running"
          ? `Exporting ${LABELS[progress.format]}: ${formatNumber(progress.rows)}${
              progress.total === null ? "" : ` of ${formatNumber(progress.total)}`
            } rows, ${formatBytes(progress.bytes)}`
          : progress.state === "done"
            ? `Exported ${formatNumber(progress.rows)} rows (${formatBytes(progress.bytes)}) as ${LABELS[progress.format]}.`
            : progress.state === "failed"
              ? progress.message
              : null}
      </span>
    </div>
  );
}

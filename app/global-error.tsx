"use client";

import { useErrorDigest } from "@/components/ui/use-error-digest";
import type { CSSProperties } from "react";

// Self-contained styles: this replaces the root layout, so it must not depend on the app's CSS.
const FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const S = {
  body: {
    margin: 0,
    minHeight: "100vh",
    background: "#f8fafc",
    color: "#0f172a",
    fontFamily: FONT,
    fontSize: 14,
    lineHeight: 1.5,
  },
  wrap: { maxWidth: 560, margin: "0 auto", padding: "96px 24px", textAlign: "center" },
  brand: { fontSize: 13, fontWeight: 600, color: "#475569", letterSpacing: "0.02em" },
  h1: { fontSize: 20, fontWeight: 600, margin: "8px 0 0" },
  p: { color: "#475569", margin: "8px 0 0" },
  ref: { color: "#475569", fontSize: 12, margin: "12px 0 0" },
  code: {
    fontFamily: "ui-monospace, Menlo, Consolas, monospace",
    background: "#f1f5f9",
    color: "#1e293b",
    padding: "2px 6px",
    borderRadius: 4,
  },
  row: { marginTop: 24, display: "flex", justifyContent: "center", gap: 8 },
  primary: {
    height: 32,
    padding: "0 12px",
    border: 0,
    borderRadius: 6,
    background: "#3f5f8a",
    color: "#fff",
    font: "inherit",
    fontWeight: 500,
    cursor: "pointer",
  },
  link: {
    height: 32,
    padding: "0 12px",
    border: "1px solid #cbd5e1",
    borderRadius: 6,
    background: "#fff",
    color: "#1e293b",
    fontWeight: 500,
    textDecoration: "none",
    display: "inline-flex",
    alignItems: "center",
  },
} satisfies Record<string, CSSProperties>;

/** Root error boundary. Shows no error message or stack — only the digest as a reference. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = useErrorDigest(error);

  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Backchannel</title>
        <style>{":focus-visible{outline:2px solid #3f5f8a;outline-offset:2px}"}</style>
      </head>
      <body style={S.body}>
        <main style={S.wrap}>
          <p style={S.brand}>Backchannel</p>
          <h1 style={S.h1}>Something went wrong</h1>
          <p style={S.p}>
            The application could not be shown. Try again; if it keeps failing, the problem is on our side.
          </p>
          {digest ? (
            <p style={S.ref}>
              Reference: <code style={S.code}>{digest}</code>
            </p>
          ) : null}
          <div style={S.row}>
            <button type="button" style={S.primary} onClick={() => retry()}>
              Try again
            </button>
            {/* A full load, not a client navigation: the app's own shell is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" style={S.link}>
              Back to overview
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}

import type { ExportFormat } from "./format";

// The addresses of a list's export, for the pages (server) and the export links (browser) alike:
// a function a "use client" module exports cannot be called on the server, so they live here.

/** The API read of a list page's address: `/grievances?party=x` → `/api/v1/grievances?party=x`. */
export function apiListHref(pageHref: string): string {
  return `/api/v1${pageHref.startsWith("/") ? "" : "/"}${pageHref}`;
}

/** The list's API address with `format` set (any page cursor dropped: the export is the whole list). */
export function exportHref(href: string, format: ExportFormat): string {
  const url = new URL(href, "http://list.invalid");
  url.searchParams.delete("cursor");
  url.searchParams.set("format", format);
  return `${url.pathname}${url.search}`;
}

import { validationFailed } from "@/lib/errors";

// Which answer a list read asks for: the ordinary page of JSON (the default), or the whole
// filtered list as a download, by `format=csv|json` or by `Accept: text/csv`. Importable by the
// browser (the export links use its names): no server code here.

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The header that carries an export's row count, which the browser's progress reads. */
export const TOTAL_HEADER = "X-Total-Count";

const MEDIA_TYPES: Record<ExportFormat, string> = { csv: "text/csv", json: "application/json" };

/** The Content-Type of each download: UTF-8 always (the CSV also says so with its byte order mark). */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** Each media range of an Accept header with its weight (`q`, 1 when not given). */
function acceptWeights(accept: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const range of accept.split(",")) {
    const [type, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    if (!type) continue;
    const q = params.find((param) => param.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(type, Number.isFinite(weight) ? weight : 0);
  }
  return weights;
}

/**
 * The download asked for, or null for the ordinary page. `format` wins over the Accept header; an
 * Accept header asks for CSV when it names text/csv and prefers it to JSON (a browser's
 * `text/html, …, *\/*` names neither, and gets JSON as before). A `format` that is neither is a
 * 400 naming it.
 */
export function requestedFormat(format: string | string[] | undefined, accept: string | null): ExportFormat | null {
  if (format !== undefined) {
    if (typeof format === "string" && (EXPORT_FORMATS as readonly string[]).includes(format)) {
      return format as ExportFormat;
    }
    throw validationFailed([{ path: "format", message: `Format must be ${EXPORT_FORMATS.join(" or ")}` }]);
  }
  if (!accept) return null;
  const weights = acceptWeights(accept);
  const csv = weights.get(MEDIA_TYPES.csv) ?? 0;
  return csv > 0 && csv >= (weights.get(MEDIA_TYPES.json) ?? 0) ? "csv" : null;
}

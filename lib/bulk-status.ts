// The bulk status change's limit and wording, without zod, so the list page's client form can
// import them without bringing zod into the page's JavaScript (lib/schemas/bulk-status.ts re-exports).

/** The most grievances one bulk change moves: a larger selection is refused, asking for a narrower filter. */
export const BULK_STATUS_MAX = 500;

/** "1 grievance", "3 grievances". */
export function grievanceCount(n: number): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? "grievance" : "grievances"}`;
}

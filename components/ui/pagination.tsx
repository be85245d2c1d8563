import Link from "next/link";
import { formatNumber } from "./format";
import { cn } from "./cn";

export type PaginationProps = {
  /** 1-based index of the first row shown (0 or less when the list is empty). */
  from: number;
  /** 1-based index of the last row shown. */
  to: number;
  total: number;
  prevHref?: string | null;
  nextHref?: string | null;
  /** Accessible name of the nav landmark (default "Pagination"). */
  label?: string;
  className?: string;
};

const LINK = "rounded-md px-2 py-1 font-medium text-accent-700 hover:bg-accent-50 hover:text-accent-900";
// slate-500, not 400: the greyed "Previous"/"Next" still needs 4.5:1 on the page (400 is 2.5:1).
const DISABLED = "px-2 py-1 text-slate-500";

/**
 * "‹ Previous   1–50 of 123   Next ›" with plain links (works without JS). They do not prefetch:
 * a list page is rendered fresh per request, and a prefetch would render the next one for every
 * visitor whether or not they page on.
 */
export function Pagination({ from, to, total, prevHref, nextHref, label = "Pagination", className }: PaginationProps) {
  const summary =
    total <= 0 || to < from ? "0 results" : `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`;
  return (
    <nav aria-label={label} className={cn("flex items-center justify-between gap-3 py-2 text-sm", className)}>
      {prevHref ? (
        <Link href={prevHref} rel="prev" prefetch={false} className={LINK}>
          <span aria-hidden="true">‹ </span>Previous
        </Link>
      ) : (
        <span className={DISABLED} aria-hidden="true">
          ‹ Previous
        </span>
      )}
      <p className="tabular-nums text-slate-600" aria-live="polite">
        {summary}
      </p>
      {nextHref ? (
        <Link href={nextHref} rel="next" prefetch={false} className={LINK}>
          Next<span aria-hidden="true"> ›</span>
        </Link>
      ) : (
        <span className={DISABLED} aria-hidden="true">
          Next ›
        </span>
      )}
    </nav>
  );
}

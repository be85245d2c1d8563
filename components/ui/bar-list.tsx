import type { ReactNode } from "react";
import { formatNumber } from "./format";
import { cn } from "./cn";
import { TextLink } from "./text-link";

export type BarListItem = {
  label: ReactNode;
  value: number;
  href?: string;
  /** Bar colour (any CSS colour, e.g. "var(--color-status-open)"); defaults to the accent. */
  color?: string;
  /** A stable key, when `label` is not a string. */
  key?: string;
};

export type BarListProps = {
  items: ReadonlyArray<BarListItem>;
  /** The value of a full-width bar; defaults to the largest value. */
  max?: number;
  /** Accessible name of the list, e.g. "Open grievances by category". */
  label?: string;
  /** Unit read after each number by screen readers, e.g. "grievances". */
  unit?: string;
  /** Shown when there are no items. */
  emptyText?: ReactNode;
  className?: string;
};

/**
 * A small horizontal bar chart rendered as a list: label (a link when href is set), a bar
 * (value / max, decorative) and the number printed beside it. Server-rendered, no JavaScript.
 */
export function BarList({ items, max, label, unit, emptyText = "Nothing to show.", className }: BarListProps) {
  if (items.length === 0) {
    return <p className={cn("text-sm text-slate-600", className)}>{emptyText}</p>;
  }
  const top = max ?? Math.max(0, ...items.map((i) => i.value));
  return (
    <ul
      aria-label={label}
      className={cn(
        "grid grid-cols-[minmax(5rem,max-content)_minmax(4rem,1fr)_auto] gap-x-3 gap-y-1 text-sm",
        className,
      )}
    >
      {items.map((item, i) => {
        const pct = top > 0 ? Math.max(0, Math.min(100, (item.value / top) * 100)) : 0;
        const key = item.key ?? (typeof item.label === "string" ? item.label : String(i));
        return (
          <li key={key} className="col-span-3 grid grid-cols-subgrid items-center">
            <span className="min-w-0 truncate">
              {item.href ? (
                <TextLink href={item.href}>{item.label}</TextLink>
              ) : (
                <span className="text-slate-800">{item.label}</span>
              )}
            </span>
            <span aria-hidden="true" className="block h-2 overflow-hidden rounded-sm bg-slate-100">
              <span
                className="block h-full rounded-sm bg-accent-500"
                style={{ width: `${pct}%`, ...(item.color ? { backgroundColor: item.color } : null) }}
              />
            </span>
            <span className="text-right tabular-nums text-slate-900">
              {formatNumber(item.value)}
              {unit ? <span className="sr-only"> {unit}</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

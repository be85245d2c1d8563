import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

export type SortDirection = "asc" | "desc";

/** One column of a DataTable: its header, and what each row shows in it. */
export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** Muted secondary text. */
  muted?: boolean;
  /** Classes of the column's cells (widths, wrapping). */
  className?: string;
  /** Classes of the header cell. */
  headerClassName?: string;
  /** A tooltip on the header, for a short header that needs saying in full. */
  title?: string;
  /** The header sorts the list by a plain link (works without JavaScript); sets aria-sort. */
  sort?: { href: string; active: SortDirection | null };
  /** The row's header cell (<th scope="row">): screen readers name the row by it. */
  rowHeader?: boolean;
};

export type DataTableProps<Row> = {
  /** What the table lists, for assistive technology (visually, the page around it says so). */
  caption: ReactNode;
  /** The columns in order; `false` leaves one out (e.g. the venue on a venue's own page). */
  columns: ReadonlyArray<Column<Row> | false>;
  rows: readonly Row[];
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
} & (Row extends { id: string }
  ? { /** The row's React key; its `id` unless said otherwise. */ rowKey?: (row: Row) => string }
  : { rowKey: (row: Row) => string });

// A row and its cells: short class names (components/ui/components.css), and no wrapper inside a
// cell, since a list repeats them on every cell, in its HTML and again in its RSC payload. Below sm
// (a phone) a row is a card, each cell a line after its column's name (data-label); the focus ring
// j/k leave is globals.css's [data-keyboard-row]:focus.

/** The name a phone's card shows before a cell: none for the first (the row's title), or for a header that is not text. */
function labelOf<Row>(column: Column<Row>, index: number): string | undefined {
  return index > 0 && typeof column.header === "string" ? column.header : undefined;
}

const TH = "whitespace-nowrap bg-slate-50 text-xs font-semibold text-slate-600 first:rounded-tl-md last:rounded-tr-md";

/**
 * A dense data table, in a bordered frame. Below the sm breakpoint (a phone) each row stacks as a
 * card, every cell on its own line after its column's name, so nothing needs sideways scrolling.
 * Each row is marked `data-keyboard-row` and focusable by script: the j/k shortcuts move through
 * them (components/keyboard).
 */
export function DataTable<Row>({ caption, columns, rows, empty, rowKey }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return empty;
  const keyOf = rowKey ?? ((row: Row) => (row as { id: string }).id);
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm tabular-nums max-sm:block">
        <caption className="sr-only">{caption}</caption>
        {/* On a phone the card's cells name their columns; the header row (and its sort links) is hidden. */}
        <thead className="border-b border-slate-200 max-sm:hidden">
          <tr>
            {shown.map((column, i) =>
              column.sort ? (
                <SortableTh key={i} column={column} sort={column.sort} />
              ) : (
                <th
                  key={i}
                  scope="col"
                  title={column.title}
                  className={cn(TH, "px-3 py-2", column.numeric && "text-right", column.headerClassName)}
                >
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block">
          {rows.map((row) => (
            <tr key={keyOf(row)} data-keyboard-row="" tabIndex={-1} className="dt-row">
              {shown.map((column, i) =>
                column.rowHeader ? (
                  <th
                    key={i}
                    scope="row"
                    data-label={labelOf(column, i)}
                    className={cn("dt-cell text-left font-normal", column.className)}
                  >
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={i}
                    data-label={labelOf(column, i)}
                    className={cn(
                      "dt-cell",
                      column.numeric && "text-right tabular-nums max-sm:text-left",
                      column.muted ? "text-slate-600" : "text-slate-900",
                      column.className,
                    )}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortableTh<Row>({ column, sort }: { column: Column<Row>; sort: NonNullable<Column<Row>["sort"]> }) {
  const { active } = sort;
  const ariaSort = active === "asc" ? "ascending" : active === "desc" ? "descending" : "none";
  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      title={column.title}
      className={cn(TH, column.numeric && "text-right", column.headerClassName)}
    >
      {/* No prefetch: each order of the list is a fresh server render, wasted unless clicked. */}
      <Link
        href={sort.href}
        scroll={false}
        prefetch={false}
        className={cn(
          "group inline-flex w-full items-center gap-1 px-3 py-2 hover:text-slate-900",
          column.numeric && "justify-end",
          active ? "text-slate-900" : "text-slate-600",
        )}
      >
        {column.header}
        <span
          aria-hidden="true"
          className={cn("text-[10px]", active ? "text-accent-700" : "text-slate-400 group-hover:text-slate-500")}
        >
          {active === "asc" ? "▲" : active === "desc" ? "▼" : "↕"}
        </span>
      </Link>
    </th>
  );
}

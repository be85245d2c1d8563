import type { ReactNode } from "react";
import type { Column } from "./data-table";
import { TextLink } from "./text-link";
import { CountLink, DateText } from "./values";

// The kinds of column the tables share; each table adds the few columns of its own.

/** The row's name, linking to its page. */
export function linkColumn<Row>(
  header: string,
  href: (row: Row) => string,
  text: (row: Row) => ReactNode,
  className?: string,
): Column<Row> {
  return {
    header,
    className,
    cell: (row) => (
      <TextLink href={href(row)} className="font-medium">
        {text(row)}
      </TextLink>
    ),
  };
}

/** A calendar day, muted unless said otherwise; "date unknown" when there is none. */
export function dateColumn<Row>(
  header: string,
  value: (row: Row) => string | null,
  { muted = true, headerClassName }: { muted?: boolean; headerClassName?: string } = {},
): Column<Row> {
  return {
    header,
    muted,
    headerClassName,
    className: "whitespace-nowrap",
    cell: (row) => <DateText value={value(row)} />,
  };
}

/** A count linking to the list it counts; `what` names the link ("meetings at Vienna"). */
export function countColumn<Row>(
  header: string,
  count: (row: Row) => number,
  href: (row: Row) => string,
  what: (row: Row) => string,
  title?: string,
): Column<Row> {
  return {
    header,
    title,
    numeric: true,
    cell: (row) => <CountLink value={count(row)} href={href(row)} what={what(row)} />,
  };
}

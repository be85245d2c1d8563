import Link from "next/link";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cn } from "./cn";

export type TableProps = ComponentPropsWithoutRef<"table"> & {
  /** Visible or visually hidden caption: tables should say what they list. */
  caption?: ReactNode;
  captionHidden?: boolean;
  /** Keep the header row in view while scrolling the page. */
  stickyHeader?: boolean;
};

/** A dense data table in a bordered, horizontally scrollable frame. */
export function Table({
  caption,
  captionHidden = false,
  stickyHeader = false,
  className,
  children,
  ...rest
}: TableProps) {
  return (
    <div
      className={cn(
        "rounded-md border border-slate-200 bg-white",
        // A sticky header needs the page to scroll, not the frame; otherwise scroll sideways.
        stickyHeader ? "" : "overflow-x-auto",
      )}
      data-sticky-header={stickyHeader || undefined}
    >
      <table
        {...rest}
        className={cn(
          "w-full border-collapse text-left text-sm tabular-nums",
          stickyHeader && "[&_thead_th]:sticky [&_thead_th]:top-0 [&_thead_th]:z-10",
          className,
        )}
      >
        {caption ? (
          <caption className={cn(captionHidden ? "sr-only" : "px-3 py-2 text-left text-xs font-medium text-slate-600")}>
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...rest }: ComponentPropsWithoutRef<"thead">) {
  return <thead {...rest} className={cn("border-b border-slate-200", className)} />;
}

export function TBody({ className, ...rest }: ComponentPropsWithoutRef<"tbody">) {
  return <tbody {...rest} className={cn("divide-y divide-slate-100", className)} />;
}

export function Tr({ className, ...rest }: ComponentPropsWithoutRef<"tr">) {
  return <tr {...rest} className={cn("align-top hover:bg-slate-50/80", className)} />;
}

export type ThProps = ComponentPropsWithoutRef<"th"> & {
  /** Right-align (for numbers). */
  numeric?: boolean;
  /** No padding: the content (e.g. a full-width link) provides it. */
  flush?: boolean;
};

export function Th({ numeric = false, flush = false, scope = "col", className, ...rest }: ThProps) {
  return (
    <th
      scope={scope}
      {...rest}
      className={cn(
        "whitespace-nowrap bg-slate-50 text-xs font-semibold text-slate-600 first:rounded-tl-md last:rounded-tr-md",
        !flush && "px-3 py-2",
        numeric && "text-right",
        className,
      )}
    />
  );
}

export type TdProps = ComponentPropsWithoutRef<"td"> & {
  /** Right-align (for numbers). */
  numeric?: boolean;
  /** Muted secondary text. */
  muted?: boolean;
};

export function Td({ numeric = false, muted = false, className, ...rest }: TdProps) {
  return (
    <td
      {...rest}
      className={cn(
        "px-3 py-1.5",
        numeric && "text-right tabular-nums",
        muted ? "text-slate-600" : "text-slate-900",
        className,
      )}
    />
  );
}

export type SortDirection = "asc" | "desc";

export type SortableThProps = {
  label: ReactNode;
  /** The URL that applies this sort (usually toggling direction when already active). */
  href: string;
  active: SortDirection | null;
  numeric?: boolean;
  className?: string;
};

/** A column header that sorts via a plain link (works without JS); sets aria-sort on the th. */
export function SortableTh({ label, href, active, numeric = false, className }: SortableThProps) {
  const ariaSort = active === "asc" ? "ascending" : active === "desc" ? "descending" : "none";
  return (
    <Th numeric={numeric} flush aria-sort={ariaSort} className={className}>
      <Link
        href={href}
        scroll={false}
        className={cn(
          "group inline-flex w-full items-center gap-1 px-3 py-2 hover:text-slate-900",
          numeric && "justify-end",
          active ? "text-slate-900" : "text-slate-600",
        )}
      >
        {label}
        <span
          aria-hidden="true"
          className={cn("text-[10px]", active ? "text-accent-700" : "text-slate-400 group-hover:text-slate-500")}
        >
          {active === "asc" ? "▲" : active === "desc" ? "▼" : "↕"}
        </span>
      </Link>
    </Th>
  );
}

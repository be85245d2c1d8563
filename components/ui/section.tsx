import type { ReactNode } from "react";
import { cn } from "./cn";
import { formatNumber } from "./format";
import { TextLink } from "./text-link";

export type SectionLink = { href: string; label: ReactNode };

export type SectionProps = {
  /** The heading's id is `${id}-heading`; the section is the region it names. */
  id: string;
  title: ReactNode;
  /** After a middle dot, in normal weight: a count, or the order of what follows. */
  detail?: ReactNode;
  /** A small link beside the heading, e.g. to the whole list. */
  link?: SectionLink | null;
  className?: string;
  children: ReactNode;
};

/** A titled part of a page: "Meetings attended · 12", with an optional link to the full list. */
export function Section({ id, title, detail, link, className, children }: SectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className={cn("space-y-2", className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
          {title}
          {detail === undefined ? null : (
            <>
              {" "}
              <span className="font-normal text-slate-600">· {detail}</span>
            </>
          )}
        </h2>
        {link ? (
          <TextLink href={link.href} className="text-xs">
            {link.label}
          </TextLink>
        ) : null}
      </div>
      {children}
    </section>
  );
}

/**
 * The link of a section that shows the first `shown` of `total` records: "Showing 100: open all
 * 340" when some are left out, else `whole` (if given) while there is anything to open.
 */
export function fullListLink(href: string, total: number, shown: number, whole?: string): SectionLink | null {
  if (total > shown) return { href, label: `Showing ${formatNumber(shown)}: open all ${formatNumber(total)}` };
  return whole && total > 0 ? { href, label: whole } : null;
}

import type { ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = {
  /** Rendered as an h2 in the card's header bar. */
  title: ReactNode;
  /**
   * Makes the card a named region that links can jump to (`#id`, e.g. from a page's header
   * buttons); its heading's id is `${id}-heading`.
   */
  id?: string;
  className?: string;
  children: ReactNode;
};

/** A white, hairline-bordered panel with a title bar. */
export function Card({ title, id, className, children }: CardProps) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn("rounded-md border border-slate-200 bg-white", id && "scroll-mt-16", className)}
    >
      <h2 id={headingId} className="border-b border-slate-200 px-4 py-2.5 text-sm font-semibold text-slate-900">
        {title}
      </h2>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}

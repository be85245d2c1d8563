import type { ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = {
  /** Rendered as a heading (h2 by default) in the card's header bar. */
  title?: ReactNode;
  /** Heading level for the title (default 2). */
  headingLevel?: 2 | 3;
  /** Small actions or links on the right of the header. */
  actions?: ReactNode;
  /** Remove body padding (for tables or lists that run edge to edge). */
  flush?: boolean;
  className?: string;
  children: ReactNode;
};

/** A white, hairline-bordered panel. With a title it is a labelled region. */
export function Card({ title, headingLevel = 2, actions, flush = false, className, children }: CardProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section className={cn("rounded-md border border-slate-200 bg-white", className)}>
      {title || actions ? (
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2.5">
          {title ? <Heading className="text-sm font-semibold text-slate-900">{title}</Heading> : <span />}
          {actions ? <div className="flex items-center gap-2 text-xs">{actions}</div> : null}
        </div>
      ) : null}
      <div className={flush ? undefined : "px-4 py-3"}>{children}</div>
    </section>
  );
}

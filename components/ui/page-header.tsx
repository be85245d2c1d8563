import type { ReactNode } from "react";
import { TextLink } from "./text-link";

export type Breadcrumb = {
  /** The page one level up: "Parties" on a party's page. */
  href: string;
  label: ReactNode;
  /** What follows the slash, when there is more to say than the title (a grievance's category). */
  trail?: ReactNode;
};

export type PageHeaderProps = {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons or links, right-aligned beside the title (wrap below on narrow screens). */
  actions?: ReactNode;
  breadcrumb?: Breadcrumb;
  /** A banner between the breadcrumb and the title, e.g. the one over a deleted record. */
  banner?: ReactNode;
  /** More of the header, under the title (a meeting's participants). */
  children?: ReactNode;
};

/** The top of every page: breadcrumb, the h1 with its subtitle and actions. */
export function PageHeader({ title, subtitle, actions, breadcrumb, banner, children }: PageHeaderProps) {
  return (
    <>
      {breadcrumb ? (
        <nav aria-label="Breadcrumb" className="mb-2 text-xs text-slate-600">
          {/* Underlined: beside the grey trail, colour alone would not tell the link apart (axe). */}
          <TextLink href={breadcrumb.href} className="underline">
            {breadcrumb.label}
          </TextLink>
          {breadcrumb.trail === undefined ? (
            <span aria-hidden="true"> /</span>
          ) : (
            <>
              <span aria-hidden="true"> / </span>
              {breadcrumb.trail}
            </>
          )}
        </nav>
      ) : null}
      {banner}
      <header className="mb-5 border-b border-slate-200 pb-4">
        <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
            {subtitle ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{subtitle}</p> : null}
          </div>
          {/* min-w-0, not shrink-0: on a phone the actions wrap inside the page instead of widening it. */}
          {actions ? <div className="flex min-w-0 flex-wrap items-center gap-2">{actions}</div> : null}
        </div>
        {children}
      </header>
    </>
  );
}

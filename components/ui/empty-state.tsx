import type { ReactNode } from "react";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** E.g. a ButtonLink to create the first item, or to clear filters. */
  action?: ReactNode;
};

/** A quiet placeholder for a page's list with nothing to show. */
export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-sm font-medium text-slate-900">{title}</p>
      {description ? <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{description}</p> : null}
      {action ? <div className="mt-4 flex justify-center gap-2">{action}</div> : null}
    </div>
  );
}

/** The small version, for one section of a page with nothing in it. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
      {children}
    </div>
  );
}

/** The one line a small part of a page shows when it has nothing: "No quoted sources." */
export function EmptyText({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-600">{children}</p>;
}

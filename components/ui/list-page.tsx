import type { ReactNode } from "react";
import { ButtonLink } from "./button";
import { EmptyState, type EmptyStateProps } from "./empty-state";
import { PageHeader } from "./page-header";
import { Pagination } from "./pagination";

/** A list's "new record" link, for those who may make one. */
export type CreateLink = { href: string; label: string; primary?: boolean };

export type Paging = {
  /** The nav landmark's name, e.g. "Grievance pages". */
  label: string;
  /**
   * The page of records lib/server returned: its cursors (opaque keyset positions, see
   * lib/server/list-page.ts) and where its first row sits in the whole list.
   */
  page: {
    items: readonly unknown[];
    total: number;
    nextCursor: string | null;
    prevCursor: string | null;
    offset: number;
    limit: number;
  };
  /** The list's address at another page (`undefined`: the first). */
  href: (cursor: string | undefined) => string;
};

export type ListPageProps = {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Header links shown before the create link. */
  actions?: ReactNode;
  /** "+ label" in the header, and the button of the empty state unless that has its own. */
  create?: CreateLink | null;
  /** A note above the list, e.g. why it is not the view that was asked for. */
  notice?: ReactNode;
  /** Over the title: what the whole page is (a past day's replay). */
  banner?: ReactNode;
  filters?: ReactNode;
  /** The count line, announced when a filter changes it. */
  summary?: ReactNode;
  /** What the page says instead of the table and paging; null while there is something to list. */
  empty: EmptyStateProps | null;
  paging?: Paging;
  /** The table. */
  children: ReactNode;
};

/** A page that lists records: header, filters, count line, table and paging, or the empty state. */
export function ListPage({
  title,
  subtitle,
  actions,
  create,
  notice,
  banner,
  filters,
  summary,
  empty,
  paging,
  children,
}: ListPageProps) {
  const headerActions =
    actions || create ? (
      <>
        {actions}
        {create ? (
          <ButtonLink href={create.href} variant={create.primary ? "primary" : "secondary"}>
            <span aria-hidden="true">+</span> {create.label}
          </ButtonLink>
        ) : null}
      </>
    ) : undefined;
  const createButton = create ? (
    <ButtonLink href={create.href} variant="primary">
      {create.label}
    </ButtonLink>
  ) : undefined;

  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={headerActions} banner={banner} />
      {notice ? (
        <p className="mb-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{notice}</p>
      ) : null}
      {filters}
      {summary ? (
        <p className="mb-2 text-sm text-slate-600" aria-live="polite">
          {summary}
        </p>
      ) : null}
      {empty ? (
        <EmptyState {...empty} action={empty.action ?? createButton} />
      ) : (
        <>
          {children}
          {paging ? <PageLinks {...paging} /> : null}
        </>
      )}
    </>
  );
}

function PageLinks({ label, page, href }: Paging) {
  const { offset, limit, prevCursor } = page;
  // The page before the second is the first, whose address has no cursor.
  const previous = prevCursor && offset > limit ? prevCursor : undefined;
  return (
    <Pagination
      label={label}
      from={offset + 1}
      to={offset + page.items.length}
      total={page.total}
      prevHref={prevCursor ? href(previous) : null}
      nextHref={page.nextCursor ? href(page.nextCursor) : null}
    />
  );
}

import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import type { EmptyStateProps } from "@/components/ui/empty-state";
import { apiListHref } from "@/lib/export/links";
import { ExportLinks } from "./export-links";
import { ListPage, type CreateLink, type Paging } from "@/components/ui/list-page";

// The list of a record that admins can delete and restore (grievances, meetings): the ordinary
// list, and at `?deleted=1` the admins' list of deleted ones, which anyone else is refused.

/** Which list a request gets, as far as the actor may have it. */
export type DeletedView = {
  /** The admins' list of deleted records. */
  showing: boolean;
  /** A non-admin asked for the deleted list and gets the ordinary one, with a note saying so. */
  refused: boolean;
};

export type RecordListPageProps = {
  /** Lower case: "grievance", "grievances". */
  noun: { one: string; many: string };
  title: string;
  subtitle: string;
  /** The subtitle of the deleted list: what deleting kept. */
  deletedSubtitle: string;
  /** The ordinary list, and the deleted one. */
  href: string;
  deletedHref: string;
  view: DeletedView;
  isAdmin: boolean;
  /** For those who may write; never offered in the deleted list. */
  create: CreateLink | null;
  /** More header links before the create link (the grievances' "Import CSV"); not in the deleted list. */
  more?: ReactNode;
  /** Any filter is set (not paging, sorting or the deleted view). */
  filtered: boolean;
  /** The same list without its filters. */
  clearHref: string;
  /** The empty state's advice when filters match nothing. */
  filteredHint: string;
  /** The empty state's advice when there are none at all, for those who may create one. */
  firstHint: string;
  /** Over the title: what the whole page is (a past day's replay). */
  banner?: ReactNode;
  /** The empty state when there are none at all, when "none yet" is not the reason (none by a past day). */
  none?: EmptyStateProps;
  filters: ReactNode;
  summary: ReactNode;
  paging: Paging;
  /** The table, rendered while the page has records. */
  children: ReactNode;
};

export function RecordListPage({
  noun,
  title,
  subtitle,
  deletedSubtitle,
  href,
  deletedHref,
  view,
  isAdmin,
  create,
  more,
  filtered,
  clearHref,
  filteredHint,
  firstHint,
  banner,
  none,
  filters,
  summary,
  paging,
  children,
}: RecordListPageProps) {
  const empty =
    paging.page.items.length > 0
      ? null
      : filtered || paging.page.offset > 0
        ? {
            title: `No ${noun.many} match these filters`,
            description: filteredHint,
            action: <ButtonLink href={clearHref}>Clear filters</ButtonLink>,
          }
        : view.showing
          ? {
              title: `No deleted ${noun.many}`,
              description: `A ${noun.one} an admin deletes is listed here until it is restored.`,
            }
          : (none ?? { title: `No ${noun.many} yet`, description: create ? firstHint : undefined });

  // Exactly what the filters show, every page of it: the list's own address, read by the API.
  const exportLinks =
    paging.page.total > 0 ? (
      <ExportLinks
        href={apiListHref(paging.href(undefined))}
        what={view.showing ? `deleted ${noun.many}` : noun.many}
      />
    ) : null;

  return (
    <ListPage
      title={
        view.showing ? (
          <>
            Deleted {noun.many} <span className="text-base font-normal text-slate-600">(admins only)</span>
          </>
        ) : (
          title
        )
      }
      subtitle={view.showing ? deletedSubtitle : subtitle}
      actions={
        <>
          {exportLinks}
          {view.showing ? (
            <ButtonLink href={href}>All {noun.many}</ButtonLink>
          ) : isAdmin ? (
            <>
              {more}
              <ButtonLink href={deletedHref} variant="ghost">
                Deleted {noun.many}
              </ButtonLink>
            </>
          ) : (
            (more ?? null)
          )}
        </>
      }
      create={view.showing ? null : create}
      notice={view.refused ? `Only admins can see deleted ${noun.many}; this is the ordinary list.` : null}
      banner={banner}
      filters={filters}
      summary={summary}
      empty={empty}
      paging={paging}
    >
      {children}
    </ListPage>
  );
}

import Link from "next/link";
import { formatNumber } from "@/components/ui/format";
import type { SavedViewSummary } from "@/lib/schemas/view";

/**
 * The header's "Views" menu: the user's first few saved views (theirs and the team's, by name),
 * each with its count of matching grievances, and the link to all of them. The layout reads at
 * most NAV_VIEW_LIMIT of them (lib/server/views.ts), so a page view costs at most that many counts.
 * A <details> disclosure, so it opens without JavaScript.
 */
export function SavedViewsNav({ views }: { views: readonly SavedViewSummary[] }) {
  return (
    <nav aria-label="Saved views" className="relative text-sm">
      <details className="group">
        <summary className="cursor-pointer list-none rounded-md px-2.5 py-1.5 font-medium text-slate-300 select-none hover:bg-white/5 hover:text-white">
          Views
        </summary>
        <ul className="absolute z-20 mt-1 w-64 rounded-md border border-slate-700 bg-slate-900 p-1 shadow-lg">
          {views.map((view) => (
            <li key={view.id}>
              <Link
                href={`/views/${view.id}`}
                prefetch={false}
                className="flex justify-between gap-3 rounded-sm px-2 py-1 text-slate-100 hover:bg-white/10"
              >
                <span className="truncate">{view.name}</span>
                <span className="text-slate-300" aria-label={`${view.count ?? 0} grievances`}>
                  {formatNumber(view.count ?? 0)}
                </span>
              </Link>
            </li>
          ))}
          <li>
            <Link
              href="/views"
              prefetch={false}
              className="block rounded-sm px-2 py-1 text-accent-300 hover:bg-white/10"
            >
              {views.length ? "All saved views" : "No saved views yet: how to save one"}
            </Link>
          </li>
        </ul>
      </details>
    </nav>
  );
}

import type { Metadata } from "next";
import { DeleteViewForm, RenameViewForm, ShareViewForm } from "@/components/views/view-controls";
import { formatNumber } from "@/components/ui/format";
import { ListPage } from "@/components/ui/list-page";
import { TextLink } from "@/components/ui/text-link";
import { requirePageActor } from "@/lib/server/session";
import { listViews } from "@/lib/server/views";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Saved views" };

/** Every view the user may open (theirs and the team's shared ones), each with its count; theirs to change. */
export default async function ViewsPage() {
  const actor = await requirePageActor();
  const views = await listViews(actor);
  return (
    <ListPage
      title="Saved views"
      subtitle="Named filters of the grievance list: yours, and those shared with the team. Save one from the grievance list."
      empty={
        views.length === 0
          ? {
              title: "No saved views yet",
              description: "Filter the grievance list, then use “Save this view” above it.",
            }
          : null
      }
    >
      <ul className="divide-y divide-slate-200" aria-label="Saved views">
        {views.map((view) => (
          <li key={view.id} className="flex flex-wrap items-start gap-x-6 gap-y-2 py-3">
            <div className="min-w-0 flex-1">
              <TextLink href={`/views/${view.id}`} className="font-medium">
                {view.name}
              </TextLink>{" "}
              <span className="text-sm text-slate-600">
                · {formatNumber(view.count ?? 0)} {view.count === 1 ? "grievance" : "grievances"} ·{" "}
                {view.shared ? "shared with the team" : "personal"}
                {view.canChange ? null : ` · by ${view.owner.name}`}
              </span>
            </div>
            {view.canChange ? (
              <div className="flex flex-wrap items-start gap-4">
                <RenameViewForm view={view} />
                <ShareViewForm view={view} />
                <DeleteViewForm view={view} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </ListPage>
  );
}

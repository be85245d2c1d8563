import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ListPage } from "@/components/ui/list-page";
import { TextLink } from "@/components/ui/text-link";
import { isAppError } from "@/lib/errors";
import { requirePageActor } from "@/lib/server/session";
import { getView } from "@/lib/server/views";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Saved view" };

/**
 * A saved view's stable link (the navigation's and /views' links point here): it opens the list
 * with the view's filters as they are now, so a rename leaves no link dangling; a deleted view's
 * link says so instead of showing an empty list.
 */
export default async function ViewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  let view;
  try {
    view = await getView(actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED")) notFound();
    throw error;
  }
  if (!view.deletedAt) redirect(view.href);
  return (
    <ListPage
      title="This view was deleted"
      subtitle={`“${view.name}” was deleted; its filters are no longer kept.`}
      empty={null}
    >
      <p className="text-sm">
        <TextLink href="/grievances">Go to the grievance list</TextLink> or{" "}
        <TextLink href="/views">see the saved views</TextLink>.
      </p>
    </ListPage>
  );
}

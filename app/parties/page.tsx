import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PartiesTable } from "@/components/parties/parties-table";
import { can } from "@/lib/server/authz";
import { listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Parties" };

export default async function PartiesPage() {
  const actor = await requirePageActor();
  const canWrite = can(actor, "write");
  const parties = await listParties(actor);
  return (
    <>
      <PageHeader
        title="Parties"
        subtitle="The states and organisations that raise grievances, receive them, or take part in meetings. Every number opens the list it counts."
        actions={
          canWrite ? (
            <ButtonLink href="/parties/new">
              <span aria-hidden="true">+</span> Add party
            </ButtonLink>
          ) : undefined
        }
      />
      {parties.length === 0 ? (
        <EmptyState
          title="No parties yet"
          description="Add the parties to the channel before logging grievances and meetings."
          action={
            canWrite ? (
              <ButtonLink href="/parties/new" variant="primary">
                Add party
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <PartiesTable parties={parties} />
      )}
    </>
  );
}

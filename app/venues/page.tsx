import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { VenuesTable } from "@/components/venues/venues-table";
import { can } from "@/lib/server/authz";
import { listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Venues" };

export default async function VenuesPage() {
  const actor = await requirePageActor();
  const canWrite = can(actor, "write");
  const venues = await listVenues(actor);
  return (
    <>
      <PageHeader
        title="Venues"
        subtitle="Where meetings are held, by city."
        actions={
          canWrite ? (
            <ButtonLink href="/venues/new">
              <span aria-hidden="true">+</span> Add venue
            </ButtonLink>
          ) : undefined
        }
      />
      {venues.length === 0 ? (
        <EmptyState
          title="No venues yet"
          description="A meeting can be logged without a venue; add one when the place is known."
          action={
            canWrite ? (
              <ButtonLink href="/venues/new" variant="primary">
                Add venue
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <VenuesTable venues={venues} />
      )}
    </>
  );
}

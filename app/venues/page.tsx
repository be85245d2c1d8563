import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { VenuesTable } from "@/components/venues/venues-table";
import { ListPage } from "@/components/ui/list-page";
import { can } from "@/lib/server/authz";
import { listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Venues" };

export default async function VenuesPage() {
  const actor = await requirePageActor();
  const venues = await listVenues(actor);
  return (
    <ListPage
      title="Venues"
      subtitle="Where meetings are held, by city."
      create={can(actor, "write") ? { href: "/venues/new", label: "Add venue" } : null}
      empty={
        venues.length === 0
          ? {
              title: "No venues yet",
              description: "A meeting can be logged without a venue; add one when the place is known.",
            }
          : null
      }
    >
      <VenuesTable venues={venues} />
    </ListPage>
  );
}

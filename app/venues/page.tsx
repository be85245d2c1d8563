import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { VenuesTable } from "@/components/venues/venues-table";
import { ExportLinks } from "@/components/records/export-links";
import { ListPage } from "@/components/ui/list-page";
import { TextLink } from "@/components/ui/text-link";
import type { ListPageProps } from "@/app/page-data";
import { can } from "@/lib/server/authz";
import { listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Venues" };

export default async function VenuesPage({ searchParams }: ListPageProps) {
  const actor = await requirePageActor();
  // Admins also have the list of deleted ones (as grievances and meetings do); anyone else asking gets the live list.
  const deleted = can(actor, "admin") && (await searchParams).deleted === "1";
  const venues = await listVenues(actor, deleted ? { deleted: "1" } : {});
  if (deleted) {
    return (
      <ListPage
        title="Deleted venues"
        subtitle="Deleted and merged venues, hidden from every list and picker. Open one to restore it; a merged one stays merged."
        actions={
          <>
            {venues.length > 0 ? <ExportLinks href="/api/v1/venues?deleted=1" what="deleted venues" /> : null}
            <TextLink href="/venues">Back to the live venues</TextLink>
          </>
        }
        empty={
          venues.length === 0
            ? { title: "No deleted venues", description: "Nothing has been deleted or merged." }
            : null
        }
      >
        <VenuesTable venues={venues} />
      </ListPage>
    );
  }
  return (
    <ListPage
      title="Venues"
      actions={
        <>
          {venues.length > 0 ? <ExportLinks href="/api/v1/venues" what="venues" /> : null}
          {can(actor, "admin") ? <TextLink href="/venues?deleted=1">Deleted venues</TextLink> : null}
        </>
      }
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

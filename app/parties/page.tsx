import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { PartiesTable } from "@/components/parties/parties-table";
import { ExportLinks } from "@/components/records/export-links";
import { ListPage } from "@/components/ui/list-page";
import { TextLink } from "@/components/ui/text-link";
import type { ListPageProps } from "@/app/page-data";
import { can } from "@/lib/server/authz";
import { listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Parties" };

export default async function PartiesPage({ searchParams }: ListPageProps) {
  const actor = await requirePageActor();
  // Admins also have the list of deleted ones (as grievances and meetings do); anyone else asking gets the live list.
  const deleted = can(actor, "admin") && (await searchParams).deleted === "1";
  const parties = await listParties(actor, deleted ? { deleted: "1" } : {});
  if (deleted) {
    return (
      <ListPage
        title="Deleted parties"
        subtitle="Deleted and merged parties, hidden from every list and picker. Open one to restore it; a merged one stays merged."
        actions={
          <>
            {parties.length > 0 ? <ExportLinks href="/api/v1/parties?deleted=1" what="deleted parties" /> : null}
            <TextLink href="/parties">Back to the live parties</TextLink>
          </>
        }
        empty={
          parties.length === 0
            ? { title: "No deleted parties", description: "Nothing has been deleted or merged." }
            : null
        }
      >
        <PartiesTable parties={parties} />
      </ListPage>
    );
  }
  return (
    <ListPage
      title="Parties"
      actions={
        <>
          {parties.length > 0 ? <ExportLinks href="/api/v1/parties" what="parties" /> : null}
          {can(actor, "admin") ? <TextLink href="/parties?deleted=1">Deleted parties</TextLink> : null}
        </>
      }
      subtitle="The states and organisations that raise grievances, receive them, or take part in meetings. Every number opens the list it counts."
      create={can(actor, "write") ? { href: "/parties/new", label: "Add party" } : null}
      empty={
        parties.length === 0
          ? {
              title: "No parties yet",
              description: "Add the parties to the channel before logging grievances and meetings.",
            }
          : null
      }
    >
      <PartiesTable parties={parties} />
    </ListPage>
  );
}

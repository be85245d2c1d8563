import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { PartiesTable } from "@/components/parties/parties-table";
import { ListPage } from "@/components/ui/list-page";
import { can } from "@/lib/server/authz";
import { listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Parties" };

export default async function PartiesPage() {
  const actor = await requirePageActor();
  const parties = await listParties(actor);
  return (
    <ListPage
      title="Parties"
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

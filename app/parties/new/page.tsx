import type { Metadata } from "next";
import { NotAllowed } from "@/components/ui/not-allowed";
import { can, PERMISSIONS } from "@/lib/server/authz";
import { requirePageActor } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { PartyCreateForm } from "@/components/parties/party-create-form";

export const metadata: Metadata = { title: "Add party" };

export default async function NewPartyPage() {
  const actor = await requirePageActor();
  if (!can(actor, "write")) {
    return (
      <NotAllowed
        actor={actor}
        need={PERMISSIONS.write}
        reason="Parties are added by analysts and admins."
        back={{ href: "/parties", label: "Back to parties" }}
      />
    );
  }
  return (
    <>
      <PageHeader title="Add party" subtitle="A state, an organisation or another actor in the channel." />
      <PartyCreateForm />
    </>
  );
}

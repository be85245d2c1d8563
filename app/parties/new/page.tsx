import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { PartyCreateForm } from "@/components/parties/party-create-form";

export const metadata: Metadata = { title: "Add party" };

export default async function NewPartyPage() {
  await requirePageActor();
  return (
    <>
      <PageHeader title="Add party" subtitle="A state, an organisation or another actor in the channel." />
      <PartyCreateForm />
    </>
  );
}

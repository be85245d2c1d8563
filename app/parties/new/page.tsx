import type { Metadata } from "next";
import { NotAllowed } from "@/components/ui/not-allowed";
import { writerPageRequest } from "@/app/page-data";
import { PageHeader } from "@/components/ui/page-header";
import { PartyCreateForm } from "@/components/parties/party-create-form";

export const metadata: Metadata = { title: "Add party" };

export default async function NewPartyPage() {
  const { notAllowed } = await writerPageRequest({
    reason: "Parties are added by analysts and admins.",
    back: { href: "/parties", label: "Back to parties" },
  });
  if (notAllowed) return <NotAllowed {...notAllowed} />;
  return (
    <>
      <PageHeader title="Add party" subtitle="A state, an organisation or another actor in the channel." />
      <PartyCreateForm />
    </>
  );
}

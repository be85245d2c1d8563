import type { Metadata } from "next";
import { NotAllowed } from "@/components/ui/not-allowed";
import { writerPageRequest } from "@/app/page-data";
import { GrievanceForm } from "@/components/grievances/grievance-form";
import { PageHeader } from "@/components/ui/page-header";
import { listMeetingOptions } from "@/lib/server/meetings";
import { listPartyOptions } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "New grievance" };

export default async function NewGrievancePage() {
  const { actor, notAllowed } = await writerPageRequest({
    reason: "Grievances are raised by analysts and admins.",
    back: { href: "/grievances", label: "Back to grievances" },
  });
  if (notAllowed) return <NotAllowed {...notAllowed} />;
  const [parties, meetings] = await Promise.all([listPartyOptions(actor), listMeetingOptions(actor)]);
  return (
    <>
      <PageHeader
        title="New grievance"
        subtitle="A demand one party puts to another. It starts as Open; its moves are logged on its page or with a meeting's outcome."
      />
      <GrievanceForm
        mode="create"
        parties={parties.map(({ slug, name }) => ({ slug, name }))}
        meetings={meetings.map(({ id, title, date }) => ({ id, title, date }))}
      />
    </>
  );
}

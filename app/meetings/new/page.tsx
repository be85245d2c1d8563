import type { Metadata } from "next";
import { NotAllowed } from "@/components/ui/not-allowed";
import { writerPageRequest } from "@/app/page-data";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingCreateForm } from "@/components/meetings/meeting-create-form";
import { listPartyOptions } from "@/lib/server/parties";
import { listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Log meeting" };

export default async function NewMeetingPage() {
  const { actor, notAllowed } = await writerPageRequest({
    reason: "Meetings are logged by analysts and admins.",
    back: { href: "/meetings", label: "Back to meetings" },
  });
  if (notAllowed) return <NotAllowed {...notAllowed} />;
  const [parties, venues] = await Promise.all([listPartyOptions(actor), listVenues(actor)]);
  return (
    <>
      <PageHeader
        title="Log meeting"
        subtitle="A round of talks or another contact. Once it is logged and held, record what it did about each grievance on its page."
      />
      <MeetingCreateForm parties={parties} venues={venues} />
    </>
  );
}

import type { Metadata } from "next";
import { NotAllowed } from "@/components/ui/not-allowed";
import { writerPageRequest } from "@/app/page-data";
import { PageHeader } from "@/components/ui/page-header";
import { VenueCreateForm } from "@/components/venues/venue-create-form";

export const metadata: Metadata = { title: "Add venue" };

export default async function NewVenuePage() {
  const { notAllowed } = await writerPageRequest({
    reason: "Venues are added by analysts and admins.",
    back: { href: "/venues", label: "Back to venues" },
  });
  if (notAllowed) return <NotAllowed {...notAllowed} />;
  return (
    <>
      <PageHeader title="Add venue" subtitle="The building where talks are held." />
      <VenueCreateForm />
    </>
  );
}

import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { VenueCreateForm } from "@/components/venues/venue-create-form";

export const metadata: Metadata = { title: "Add venue" };

export default async function NewVenuePage() {
  await requirePageActor();
  return (
    <>
      <PageHeader title="Add venue" subtitle="The building where talks are held." />
      <VenueCreateForm />
    </>
  );
}

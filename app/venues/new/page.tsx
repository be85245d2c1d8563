import type { Metadata } from "next";
import { NotAllowed } from "@/components/ui/not-allowed";
import { can, PERMISSIONS } from "@/lib/server/authz";
import { requirePageActor } from "@/lib/server/session";
import { PageHeader } from "@/components/ui/page-header";
import { VenueCreateForm } from "@/components/venues/venue-create-form";

export const metadata: Metadata = { title: "Add venue" };

export default async function NewVenuePage() {
  const actor = await requirePageActor();
  if (!can(actor, "write")) {
    return (
      <NotAllowed
        actor={actor}
        need={PERMISSIONS.write}
        reason="Venues are added by analysts and admins."
        back={{ href: "/venues", label: "Back to venues" }}
      />
    );
  }
  return (
    <>
      <PageHeader title="Add venue" subtitle="The building where talks are held." />
      <VenueCreateForm />
    </>
  );
}

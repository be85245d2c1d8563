import type { Metadata } from "next";
import { recordPage, type RecordPageProps } from "@/app/page-data";
import { GrievanceForm } from "@/components/grievances/grievance-form";
import { PageHeader } from "@/components/ui/page-header";
import { getGrievanceOrThrow } from "@/lib/server/grievances";
import { listPartyOptions } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit grievance" };

const grievancePage = recordPage("id", getGrievanceOrThrow);

export default async function EditGrievancePage(props: RecordPageProps<"id">) {
  const { actor, record: grievance } = await grievancePage.load(props);
  const parties = await listPartyOptions(actor);
  return (
    <>
      <PageHeader
        breadcrumb={{ href: `/grievances/${grievance.id}`, label: grievance.title }}
        title="Edit grievance"
        subtitle={`Version ${grievance.version}. To move its status, use “Change status” on its page: a move needs a reason.`}
      />
      <GrievanceForm
        mode="edit"
        grievance={{
          id: grievance.id,
          version: grievance.version,
          title: grievance.title,
          description: grievance.description,
          category: grievance.category,
          raisedBy: grievance.raisedBy,
          addressedTo: grievance.addressedTo,
        }}
        parties={parties.map(({ slug, name }) => ({ slug, name }))}
      />
    </>
  );
}

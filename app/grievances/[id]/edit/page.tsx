import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GrievanceForm } from "@/components/grievances/grievance-form";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import { getGrievanceOrThrow } from "@/lib/server/grievances";
import { listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Edit grievance" };

type Params = Promise<{ id: string }>;

export default async function EditGrievancePage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const [grievance, parties] = await Promise.all([
    getGrievanceOrThrow(actor, id).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    listParties(actor),
  ]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-slate-600">
        <Link href={`/grievances/${grievance.id}`} className="text-accent-700 hover:text-accent-900 hover:underline">
          {grievance.title}
        </Link>
      </nav>
      <PageHeader
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

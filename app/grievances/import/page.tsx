import type { Metadata } from "next";
import { GrievanceImport } from "@/components/imports/grievance-import";
import { NotAllowed } from "@/components/ui/not-allowed";
import { PageHeader } from "@/components/ui/page-header";
import { GRIEVANCE_CSV_COLUMNS } from "@/lib/csv/grievance-columns";
import { LIMITS } from "@/lib/schemas/common";
import { writerPageRequest } from "@/app/page-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Import grievances" };

export default async function ImportGrievancesPage() {
  const { notAllowed } = await writerPageRequest({
    reason: "Grievances are imported by analysts and admins.",
    back: { href: "/grievances", label: "Back to grievances" },
  });
  if (notAllowed) return <NotAllowed {...notAllowed} />;
  return (
    <>
      <PageHeader
        title="Import grievances"
        breadcrumb={{ href: "/grievances", label: "Grievances" }}
        subtitle="Create many grievances from a CSV file: check it first, then import all of its rows, or none."
      />
      <div className="mb-6 max-w-3xl text-sm text-slate-700">
        <p>
          The first line names the columns: <code>title</code>, <code>category</code>, <code>raisedBy</code> and{" "}
          <code>addressedTo</code>, and optionally <code>description</code> and <code>status</code>. Parties are slugs
          or names, several separated by <code>;</code>. A grievance list exported as CSV imports as it is (
          <code>{GRIEVANCE_CSV_COLUMNS.join(",")}</code>): its ids and dates are not copied, the grievances are new and
          raised today, and a status other than Open is logged as a first move saying it came from the file. At most{" "}
          {LIMITS.importRows.toLocaleString("en")} rows and 1 MB.
        </p>
      </div>
      <GrievanceImport />
    </>
  );
}

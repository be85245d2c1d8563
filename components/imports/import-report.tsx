import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/components/ui/format";
import { TextLink } from "@/components/ui/text-link";
import { GRIEVANCE_CATEGORY_LABELS, GRIEVANCE_STATUS_LABELS } from "@/lib/schemas/enums";
import type { GrievanceImportReport, ImportIssue, ImportRow } from "@/lib/schemas/import";
import type { PartyRef } from "@/lib/schemas/party";

// The dry run's report: what each row of the file would create, and every problem by row and
// column. A server-renderable component (no state), so the page shows it without JavaScript.

const parties = (list: PartyRef[]) => (list.length ? list.map((p) => p.name).join(", ") : "—");

export function ImportReport({ report }: { report: GrievanceImportReport }) {
  const { rows, errors, unknownParties } = report;
  return (
    <div className="flex flex-col gap-4">
      {errors.length > 0 ? (
        <section aria-labelledby="import-errors-title" className="flex flex-col gap-2">
          <h2 id="import-errors-title" className="text-base font-semibold text-slate-900">
            {errors.length === 1 ? "1 problem" : `${formatNumber(errors.length)} problems`} to fix in the file
          </h2>
          {unknownParties.length > 0 ? (
            <p className="text-sm text-slate-700">
              Parties not found by slug or name: <strong className="font-semibold">{unknownParties.join(", ")}</strong>.
              Add them on the <TextLink href="/parties">parties page</TextLink> or correct the file.
            </p>
          ) : null}
          <DataTable<ImportIssue & { key: string }>
            caption="Problems in the file, by row and column"
            rows={errors.map((e, i) => ({ ...e, key: `${e.row}-${e.column}-${i}` }))}
            rowKey={(e) => e.key}
            columns={[
              { header: "Row", cell: (e) => e.row, numeric: true, rowHeader: true },
              { header: "Column", cell: (e) => e.column || "—" },
              { header: "Problem", cell: (e) => e.message, className: "whitespace-normal" },
            ]}
          />
        </section>
      ) : null}
      {rows.length > 0 ? (
        <section aria-labelledby="import-rows-title" className="flex flex-col gap-2">
          <h2 id="import-rows-title" className="text-base font-semibold text-slate-900">
            {formatNumber(rows.length)} {rows.length === 1 ? "row" : "rows"} in the file
          </h2>
          <DataTable<ImportRow>
            caption="The file's rows and what each would create"
            rows={rows}
            rowKey={(r) => String(r.row)}
            columns={[
              { header: "Row", cell: (r) => r.row, numeric: true },
              { header: "Title", cell: (r) => r.title || "—", rowHeader: true, className: "whitespace-normal" },
              { header: "Category", cell: (r) => (r.category ? GRIEVANCE_CATEGORY_LABELS[r.category] : "—") },
              { header: "Status", cell: (r) => (r.status ? GRIEVANCE_STATUS_LABELS[r.status] : "—") },
              { header: "Raised by", cell: (r) => parties(r.raisedBy), className: "whitespace-normal" },
              { header: "Addressed to", cell: (r) => parties(r.addressedTo), className: "whitespace-normal" },
              {
                header: "Check",
                cell: (r) =>
                  r.valid ? (
                    <span className="text-emerald-800">Ready</span>
                  ) : (
                    <span className="font-medium text-red-700">
                      <span aria-hidden="true">⚠ </span>Problem
                    </span>
                  ),
              },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}

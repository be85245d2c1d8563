// TEMPORARY showcase of the UI primitives (ui agent); delete before commit.
import { PageHeader } from "@/components/ui/page-header";
import { GrievanceStatusBadge, MeetingStatusBadge, Badge, grievanceStatusColor } from "@/components/ui/status-badge";
import { Table, THead, TBody, Tr, Th, Td, SortableTh } from "@/components/ui/data-table";
import { Field, TextInput, TextArea, NativeSelect, FormStatus, Checkbox } from "@/components/ui/field";
import { Button, ButtonLink } from "@/components/ui/button";
import { Dialog, DialogTrigger, DialogContent, DialogFooter, DialogClose } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { Pagination } from "@/components/ui/pagination";
import { BarList } from "@/components/ui/bar-list";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { GRIEVANCE_STATUSES, MEETING_STATUSES } from "@/lib/schemas/enums";

export default function Page() {
  return (
    <>
      <PageHeader
        title="Grievances"
        subtitle="Every grievance raised across the channel, with its latest status."
        actions={
          <>
            <ButtonLink href="/x" variant="ghost" size="sm">Export CSV</ButtonLink>
            <Button variant="secondary">Filter</Button>
            <Button variant="primary">New grievance</Button>
            <Button variant="danger" size="sm">Delete</Button>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap gap-2">
        {GRIEVANCE_STATUSES.map((s) => <GrievanceStatusBadge key={s} status={s} />)}
        {MEETING_STATUSES.map((s) => <MeetingStatusBadge key={s} status={s} />)}
        <Badge tone="accent" dot={false}>Visas</Badge>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-2 lg:col-span-2">
          <Table caption="Grievances" captionHidden>
            <THead>
              <tr>
                <SortableTh label="Raised" href="/?sort=raised" active="desc" />
                <Th>Title</Th>
                <Th>Raised by</Th>
                <Th>Status</Th>
                <SortableTh label="Rounds" href="/?sort=rounds" active={null} numeric />
              </tr>
            </THead>
            <TBody>
              {[
                ["2025-04-10", "Expulsion of local embassy staff", "Russia", "OPEN", 3],
                ["2025-03-02", "Return of seized diplomatic property", "United States", "IN_NEGOTIATION", 7],
                ["2025-02-21", "Visa processing delays for diplomats", "Russia", "PARTIALLY_RESOLVED", 12],
                [null, "Resumption of direct flights", "Russia", "STALLED", 1],
                ["2024-11-30", "Banking access for missions", "United States", "RESOLVED", 4],
                ["2024-09-03", "Staffing caps at consulates", "United States", "WITHDRAWN", 2],
              ].map(([d, t, p, s, n]) => (
                <Tr key={String(t)}>
                  <Td muted className="whitespace-nowrap">{formatDate(d as string | null)}</Td>
                  <Td><a className="font-medium text-accent-700 hover:underline" href="#">{t}</a></Td>
                  <Td>{p}</Td>
                  <Td><GrievanceStatusBadge status={s as "OPEN"} /></Td>
                  <Td numeric>{n}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination from={1} to={50} total={123} nextHref="/?page=2" />
          <EmptyState title="No grievances match these filters" description="Try removing a filter or searching for a different word." action={<ButtonLink href="/">Clear filters</ButtonLink>} />
        </div>
        <div className="space-y-4">
          <Card title="Facts">
            <DefinitionList
              items={[
                { term: "Raised", value: formatDate("2025-04-10T00:00:00Z") },
                { term: "Last updated", value: formatDateTime("2025-04-12T14:05:00Z") },
                { term: "Category", value: "Local staff" },
                { term: "Venue", value: null },
              ]}
            />
          </Card>
          <Card title="Open by category" actions={<a href="#" className="text-accent-700 hover:underline">All</a>}>
            <BarList
              label="Open grievances by category"
              unit="grievances"
              items={[
                { label: "Local staff", value: 14, href: "/grievances?category=LOCAL_STAFF" },
                { label: "Property", value: 9, href: "/grievances?category=PROPERTY" },
                { label: "Visas", value: 6 },
                { label: "Banking", value: 2, color: grievanceStatusColor("STALLED") },
              ]}
            />
          </Card>
          <Card title="Log a round">
            <form className="space-y-3">
              <FormStatus message="Check the field marked below." errors={[{ htmlFor: "title", message: "Title is required" }]} />
              <Field label="Title" htmlFor="title" error="Title is required">
                <TextInput id="title" name="title" invalid />
              </Field>
              <Field label="Status" htmlFor="status" hint="The status after this round.">
                <NativeSelect id="status" name="status" hint>
                  <option>Open</option><option>In negotiation</option>
                </NativeSelect>
              </Field>
              <Field label="Notes" htmlFor="notes" optional>
                <TextArea id="notes" name="notes" rows={2} />
              </Field>
              <Checkbox id="cb" label="Raised jointly" />
              <div className="flex justify-end gap-2">
                <Dialog>
                  <DialogTrigger asChild><Button>Open dialog</Button></DialogTrigger>
                  <DialogContent title="Withdraw grievance?" description="It stays in the record, marked withdrawn." size="sm">
                    <DialogFooter>
                      <DialogClose asChild><Button>Cancel</Button></DialogClose>
                      <Button variant="danger">Withdraw</Button>
                    </DialogFooter>
                  </DialogContent>
                </Dialog>
                <Button type="submit" variant="primary">Save</Button>
              </div>
            </form>
          </Card>
        </div>
      </div>
    </>
  );
}

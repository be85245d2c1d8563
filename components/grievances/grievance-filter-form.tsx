import { grievanceListHref, type GrievanceListParams } from "@/lib/grievance-list-url";
import { ButtonLink, Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { EnumOptions, FilterSelect, MeetingOptions, PartyOptions } from "@/components/ui/options";
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_CATEGORY_LABELS,
  GRIEVANCE_STATUSES,
  GRIEVANCE_STATUS_LABELS,
} from "@/lib/schemas/enums";
import { GrievanceFilterFormElement } from "./grievance-filter-form-element";

export type GrievanceFilterFormProps = {
  filters: GrievanceListParams;
  parties: ReadonlyArray<{ slug: string; name: string }>;
  meetings: ReadonlyArray<{ id: string; title: string; date: string | null }>;
};

/**
 * The grievance filters, rendered on the server: only the <form> itself is a client component
 * (GrievanceFilterFormElement), so the vocabularies and their zod schemas (lib/schemas/enums) stay
 * out of the browser's JavaScript, and the options are not a client component's props. The page
 * renders it with a `key` of the current URL so the controls follow back/forward.
 */
export function GrievanceFilterForm({ filters, parties, meetings }: GrievanceFilterFormProps) {
  const statuses = new Set(filters.status ?? []);

  return (
    <GrievanceFilterFormElement
      aria-label="Filter grievances"
      className="mb-3 rounded-md border border-slate-200 bg-white px-3 py-3"
    >
      <div className="grid grid-cols-2 gap-x-3 gap-y-2 md:grid-cols-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,1.5fr)]">
        <FilterSelect name="party" label="Party" any="Any party" value={filters.party}>
          <PartyOptions parties={parties} />
        </FilterSelect>
        <FilterSelect name="role" label="As" any="either" value={filters.role}>
          <option value="raised">raised by</option>
          <option value="addressed">addressed to</option>
        </FilterSelect>
        <FilterSelect name="category" label="Category" any="Any category" value={filters.category?.[0]}>
          <EnumOptions values={GRIEVANCE_CATEGORIES} labels={GRIEVANCE_CATEGORY_LABELS} />
        </FilterSelect>
        <FilterSelect name="meeting" label="Meeting" any="Any meeting" value={filters.meeting}>
          <MeetingOptions meetings={meetings} />
        </FilterSelect>
        <Field label="Search text" htmlFor="filter-q" className="col-span-2 lg:col-span-1">
          <TextInput
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder="Title, description, reasons…"
            autoComplete="off"
          />
        </Field>
      </div>

      <div className="mt-2.5 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <fieldset className="min-w-0">
          <legend className="mb-1 text-sm font-medium text-slate-800">Status</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {GRIEVANCE_STATUSES.map((s) => (
              // .check (components/ui/components.css): the label and its box, repeated per status.
              <label key={s} className="check">
                <input type="checkbox" name="status" value={s} defaultChecked={statuses.has(s)} />
                {GRIEVANCE_STATUS_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        {/* Sorting and page size survive a new filter; the page (cursor) starts again at one. */}
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        {filters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
        {filters.limit ? <input type="hidden" name="limit" value={filters.limit} /> : null}
        {/* Filtering the admins' deleted list stays in it. */}
        {filters.deleted ? <input type="hidden" name="deleted" value={filters.deleted} /> : null}
        <div className="flex items-end gap-2">
          <Field label="As of" htmlFor="filter-as-of">
            <TextInput id="filter-as-of" name="asOf" type="date" defaultValue={filters.asOf ?? ""} />
          </Field>
          {/* Clearing the filters keeps the day the list is replayed at; its banner goes back to today. */}
          <ButtonLink href={grievanceListHref({ deleted: filters.deleted, asOf: filters.asOf })} variant="ghost">
            Clear
          </ButtonLink>
          <Button type="submit" variant="primary">
            Apply
          </Button>
        </div>
      </div>
    </GrievanceFilterFormElement>
  );
}

import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { EnumOptions, FilterSelect, PartyOptions, VenueOptions } from "@/components/ui/options";
import { TextLink } from "@/components/ui/text-link";
import { hasMeetingFilters, meetingsHref, MEETINGS_PATH } from "@/lib/meeting-list-url";
import { MEETING_STATUSES, MEETING_STATUS_LABELS } from "@/lib/schemas/enums";
import type { MeetingFilters } from "@/lib/schemas/meeting";

export type MeetingFiltersFormProps = {
  filters: MeetingFilters;
  parties: ReadonlyArray<{ slug: string; name: string }>;
  venues: ReadonlyArray<{ slug: string; name: string; city: string }>;
};

/** A plain GET form: the filters land in the URL, and it works without JavaScript. */
export function MeetingFiltersForm({ filters, parties, venues }: MeetingFiltersFormProps) {
  const statusValue = filters.status?.join(",") ?? "";
  return (
    <form
      method="get"
      action={MEETINGS_PATH}
      aria-label="Filter meetings"
      className="mb-4 flex flex-wrap items-end gap-x-3 gap-y-2"
    >
      <FilterSelect name="party" label="Party" any="Any party" value={filters.party} className="w-44">
        <PartyOptions parties={parties} />
      </FilterSelect>
      <FilterSelect name="venue" label="Venue" any="Any venue" value={filters.venue} className="w-60">
        <VenueOptions venues={venues} />
      </FilterSelect>
      <FilterSelect name="status" label="Status" any="Any status" value={statusValue} className="w-40">
        {/* A shared link may combine statuses; the select offers that combination as it is. */}
        {(filters.status?.length ?? 0) > 1 ? (
          <option value={statusValue}>{filters.status!.map((s) => MEETING_STATUS_LABELS[s]).join(", ")}</option>
        ) : null}
        <EnumOptions values={MEETING_STATUSES} labels={MEETING_STATUS_LABELS} />
      </FilterSelect>
      <Field label="From" htmlFor="filter-from">
        <TextInput id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className="w-36" />
      </Field>
      <Field label="To" htmlFor="filter-to">
        <TextInput id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className="w-36" />
      </Field>
      {filters.limit ? <input type="hidden" name="limit" value={filters.limit} /> : null}
      {/* Filtering the admins' deleted list stays in it. */}
      {filters.deleted ? <input type="hidden" name="deleted" value={filters.deleted} /> : null}
      <Button type="submit">Apply</Button>
      {hasMeetingFilters(filters) ? (
        <TextLink href={meetingsHref({ deleted: filters.deleted })} className="px-1 py-1.5 text-sm">
          Clear filters
        </TextLink>
      ) : null}
    </form>
  );
}

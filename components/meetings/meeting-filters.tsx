import Link from "next/link";
import { Button } from "@/components/ui/button";
import { NativeSelect, TextInput } from "@/components/ui/field";
import { MEETING_STATUSES, MEETING_STATUS_LABELS } from "@/lib/schemas/enums";
import type { MeetingFilters } from "@/lib/schemas/meeting";

export type MeetingFiltersFormProps = {
  filters: MeetingFilters;
  parties: ReadonlyArray<{ slug: string; name: string }>;
  venues: ReadonlyArray<{ slug: string; name: string; city: string }>;
};

const LABEL = "text-xs font-medium text-slate-700";

/** A plain GET form: the filters land in the URL, and it works without JavaScript. */
export function MeetingFiltersForm({ filters, parties, venues }: MeetingFiltersFormProps) {
  const statusValue = filters.status?.join(",") ?? "";
  const combined = (filters.status?.length ?? 0) > 1;
  const active = Boolean(filters.party || filters.venue || filters.status?.length || filters.from || filters.to);
  return (
    <form
      method="get"
      action="/meetings"
      aria-label="Filter meetings"
      className="mb-4 flex flex-wrap items-end gap-x-3 gap-y-2"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-party" className={LABEL}>
          Party
        </label>
        <NativeSelect id="filter-party" name="party" defaultValue={filters.party ?? ""} className="w-44">
          <option value="">Any party</option>
          {parties.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-venue" className={LABEL}>
          Venue
        </label>
        <NativeSelect id="filter-venue" name="venue" defaultValue={filters.venue ?? ""} className="w-60">
          <option value="">Any venue</option>
          {venues.map((v) => (
            <option key={v.slug} value={v.slug}>
              {v.name}, {v.city}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-status" className={LABEL}>
          Status
        </label>
        <NativeSelect id="filter-status" name="status" defaultValue={statusValue} className="w-40">
          <option value="">Any status</option>
          {combined ? (
            <option value={statusValue}>{filters.status!.map((s) => MEETING_STATUS_LABELS[s]).join(", ")}</option>
          ) : null}
          {MEETING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MEETING_STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-from" className={LABEL}>
          From
        </label>
        <TextInput id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className="w-36" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-to" className={LABEL}>
          To
        </label>
        <TextInput id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className="w-36" />
      </div>
      {filters.limit ? <input type="hidden" name="limit" value={filters.limit} /> : null}
      {/* Filtering the admins' deleted list stays in it. */}
      {filters.deleted ? <input type="hidden" name="deleted" value={filters.deleted} /> : null}
      <Button type="submit">Apply</Button>
      {active ? (
        <Link
          href={filters.deleted ? "/meetings?deleted=1" : "/meetings"}
          className="px-1 py-1.5 text-sm text-accent-700 hover:text-accent-900 hover:underline"
        >
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}

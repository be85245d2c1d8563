import { TextLink } from "@/components/ui/text-link";
import { DateText } from "@/components/ui/values";
import type { GrievanceStatus } from "@/lib/schemas/enums";
import type { SourceRef } from "@/lib/schemas/source";
import { SourceLine } from "./source-line";
import { StatusChange } from "./status-change";

export type TimelineItem = {
  from: GrievanceStatus | null;
  to: GrievanceStatus;
  reason: string;
  at: string;
  meeting: { id: string; title: string } | null;
  source: SourceRef | null;
  actor: { name: string } | null;
};

/**
 * One entry of a grievance's history, as an <li>. Rendered by the server for stored entries and
 * by the change-status control for the entry being saved (`saving`), so both look the same.
 */
export function TimelineEntry({ item, saving = false }: { item: TimelineItem; saving?: boolean }) {
  return (
    <li
      className={
        "grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-4 border-b border-slate-100 py-2.5 last:border-b-0 " +
        (saving ? "bg-accent-50/60" : "")
      }
      aria-busy={saving || undefined}
    >
      <DateText value={item.at} className="pt-0.5 whitespace-nowrap text-slate-600" />
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <StatusChange from={item.from} to={item.to} />
          {item.meeting ? (
            <span className="text-slate-600">
              at <TextLink href={`/meetings/${item.meeting.id}`}>{item.meeting.title}</TextLink>
            </span>
          ) : null}
          {saving ? (
            <span className="text-xs font-medium text-accent-800" role="status">
              saving…
            </span>
          ) : null}
        </div>
        {item.reason ? <p className="mt-1 text-slate-800">{item.reason}</p> : null}
        {item.source || item.actor ? (
          <p className="mt-0.5 text-xs text-slate-600">
            {item.source ? (
              <>
                Source: <SourceLine source={item.source} />
              </>
            ) : null}
            {item.source && item.actor ? " · " : null}
            {item.actor ? <>by {item.actor.name}</> : null}
          </p>
        ) : null}
      </div>
    </li>
  );
}

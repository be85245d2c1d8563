import { TextLink } from "@/components/ui/text-link";
import { toIsoDate } from "@/components/ui/format";
import { DateText } from "@/components/ui/values";
import type { GrievanceStatus } from "@/lib/schemas/enums";
import type { SourceRef } from "@/lib/schemas/source";
import { SourceLine } from "./source-line";
import { StatusChange } from "./status-change";

export type TimelineItem = {
  from: GrievanceStatus | null;
  to: GrievanceStatus;
  reason: string;
  /** When it happened. */
  at: string;
  /** When it was typed; absent for the entry being saved (it is being recorded now). */
  recordedAt?: string;
  meeting: { id: string; title: string } | null;
  source: SourceRef | null;
  actor: { name: string } | null;
};

/**
 * One entry of a grievance's history, as an <li>. Rendered by the server for stored entries and
 * by the change-status control for the entry being saved (`saving`), so both look the same. It is
 * dated when it happened; when it was recorded on another day (a round logged later), it says so.
 */
export function TimelineEntry({ item, saving = false }: { item: TimelineItem; saving?: boolean }) {
  const recordedApart = item.recordedAt !== undefined && toIsoDate(item.recordedAt) !== toIsoDate(item.at);
  return (
    <li
      className={
        "grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-4 border-b border-slate-100 py-2.5 last:border-b-0 " +
        (saving ? "bg-accent-50/60" : "")
      }
      aria-busy={saving || undefined}
    >
      <div className="pt-0.5 whitespace-nowrap text-slate-600">
        {recordedApart ? <span className="block text-xs text-slate-500">happened</span> : null}
        <DateText value={item.at} />
      </div>
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
        {item.source || item.actor || recordedApart ? (
          <p className="mt-0.5 text-xs text-slate-600">
            {item.source ? (
              <>
                Source: <SourceLine source={item.source} />
              </>
            ) : null}
            {item.source && (item.actor || recordedApart) ? " · " : null}
            {recordedApart ? (
              <>
                recorded <DateText value={item.recordedAt} />
                {item.actor ? " " : null}
              </>
            ) : null}
            {item.actor ? <>by {item.actor.name}</> : null}
          </p>
        ) : null}
      </div>
    </li>
  );
}

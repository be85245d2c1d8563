import { SourceLine } from "@/components/grievances/source-line";
import { EmptyText } from "@/components/ui/empty-state";
import { DateText } from "@/components/ui/values";
import { MEETING_STATUS_LABELS } from "@/lib/schemas/enums";
import type { MeetingDetail } from "@/lib/schemas/meeting";

/** The meeting's status changes, newest first. */
export function MeetingHistory({ history }: { history: MeetingDetail["history"] }) {
  if (history.length === 0) return <EmptyText>No status changes recorded.</EmptyText>;
  return (
    <ol className="space-y-3 text-sm">
      {[...history].reverse().map((h) => (
        <li key={h.id} className="grid grid-cols-[6.5rem_1fr] gap-x-3">
          <DateText value={h.at} className="text-slate-600" />
          <div className="min-w-0">
            <p className="font-medium text-slate-900">
              {h.from ? (
                <>
                  {MEETING_STATUS_LABELS[h.from]} <span aria-hidden="true">→</span>
                  <span className="sr-only">to</span> {MEETING_STATUS_LABELS[h.to]}
                </>
              ) : (
                <>Logged as {MEETING_STATUS_LABELS[h.to]}</>
              )}
            </p>
            <p className="break-words text-slate-700">{h.reason}</p>
            {h.source ? (
              <p className="mt-0.5 text-xs text-slate-600">
                Source: <SourceLine source={h.source} />
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

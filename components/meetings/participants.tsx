import { EmptyText } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";
import { PARTICIPANT_ROLE_LABELS } from "@/lib/schemas/enums";
import type { MeetingSummary } from "@/lib/schemas/meeting";
import { parseHeadOfDelegation } from "./head-of-delegation";

type Participants = MeetingSummary["participants"];

/**
 * Participants in a table cell, one a line: "United States · head: Sonata Coulter", "Türkiye · host".
 * The full entry (post and sources) is on the meeting's own page.
 */
export function ParticipantsCompact({ participants }: { participants: Participants }) {
  if (participants.length === 0) return <span className="text-slate-500">none recorded</span>;
  return (
    <ul className="space-y-0.5">
      {participants.map((p) => {
        const head = p.headOfDelegation ? parseHeadOfDelegation(p.headOfDelegation).name : null;
        return (
          <li key={p.party.slug} className="whitespace-nowrap">
            <TextLink href={`/parties/${p.party.slug}`}>{p.party.name}</TextLink>
            {p.role !== "DELEGATION" ? (
              <span className="text-slate-600"> · {PARTICIPANT_ROLE_LABELS[p.role].toLowerCase()}</span>
            ) : null}
            {head ? <span className="text-slate-600"> · head: {head}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Participants on a meeting's page: party, role, and the head of delegation split into name, post and sources. */
export function ParticipantsDetailed({ participants }: { participants: Participants }) {
  if (participants.length === 0) {
    return <EmptyText>No participants recorded.</EmptyText>;
  }
  return (
    <ul className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      {participants.map((p) => {
        const head = p.headOfDelegation ? parseHeadOfDelegation(p.headOfDelegation) : null;
        return (
          <li key={p.party.slug} className="min-w-0 border-l-2 border-slate-200 pl-3 text-sm">
            <p>
              <TextLink href={`/parties/${p.party.slug}`} className="font-medium">
                {p.party.name}
              </TextLink>
              <span className="text-slate-600"> · {PARTICIPANT_ROLE_LABELS[p.role]}</span>
            </p>
            {head ? (
              <>
                <p className="mt-0.5 text-slate-900">
                  <span className="text-slate-600">Head of delegation: </span>
                  <span className="font-medium">{head.name}</span>
                  {head.title ? <span className="text-slate-700">, {head.title}</span> : null}
                </p>
                {head.sources ? <p className="mt-0.5 text-xs text-slate-600">Sources: {head.sources}</p> : null}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

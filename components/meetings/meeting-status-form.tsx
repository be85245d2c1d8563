"use client";

import { changeMeetingStatusAction } from "@/lib/actions/meetings";
import { MEETING_STATUS_LABELS, type MeetingStatus } from "@/lib/schemas/enums";
import { MeetingVersionForm } from "./meeting-version-form";

export type MeetingStatusFormProps = {
  meetingId: string;
  version: number;
  /** The statuses this meeting may move to now (allowedMeetingTransitions). */
  allowed: readonly MeetingStatus[];
};

/** Moves the meeting's status: only the moves the rules allow, with a reason and an optional source. */
export function MeetingStatusForm({ meetingId, version, allowed }: MeetingStatusFormProps) {
  return (
    <MeetingVersionForm
      action={changeMeetingStatusAction}
      meetingId={meetingId}
      version={version}
      fields={[
        {
          name: "status",
          id: "status-new",
          label: "New status",
          // "Choose…" can be posted: the action answers that a status is needed.
          options: [
            { value: "", label: "Choose…" },
            ...allowed.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] })),
          ],
        },
        {
          name: "reason",
          id: "status-reason",
          label: "Reason",
          hint: "Why, and on whose word: it goes into the meeting's history.",
          rows: 2,
        },
        {
          name: "sourceUrl",
          id: "status-source",
          label: "Source URL",
          optional: true,
          control: { type: "url", inputMode: "url", placeholder: "https://…" },
        },
      ]}
      conflictMessage="Nothing was changed: someone else changed this meeting after you opened the page. The page now shows their change; choose again if your change still applies"
      submit={{ label: "Change status", pendingLabel: "Changing…" }}
    />
  );
}

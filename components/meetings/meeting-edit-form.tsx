"use client";

import { updateMeetingAction } from "@/lib/actions/meetings";
import { dateSpec, venueOptions, type VenueChoice } from "./meeting-fields";
import { MeetingVersionForm } from "./meeting-version-form";

export type MeetingEditFormProps = {
  meetingId: string;
  version: number;
  title: string;
  /** YYYY-MM-DD, or "" when unknown. */
  date: string;
  /** The venue's slug, or "". */
  venue: string;
  summary: string;
  venues: readonly VenueChoice[];
};

/** Edits a meeting's details, checked against the version the page was loaded at. */
export function MeetingEditForm({ meetingId, version, venues, ...values }: MeetingEditFormProps) {
  return (
    <MeetingVersionForm
      action={updateMeetingAction}
      meetingId={meetingId}
      version={version}
      fields={[
        { name: "title", id: "edit-title", label: "Title" },
        dateSpec("edit-date"),
        { name: "venue", id: "edit-venue", label: "Venue", optional: true, options: venueOptions(venues) },
        { name: "summary", id: "edit-summary", label: "Summary", optional: true, rows: 8 },
      ]}
      values={values}
      conflictMessage="Nothing was saved: someone else changed this meeting after you opened the page. The page now shows their version; your entries are kept below, so save again to apply them on top"
      submit={{ label: "Save details", pendingLabel: "Saving…" }}
    />
  );
}

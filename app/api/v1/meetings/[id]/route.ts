import { recordChangeRoute, recordRoute } from "@/lib/api/handler";
import { deleteMeeting, getMeetingOrThrow, updateMeeting } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const GET = recordRoute("id", "Meeting", getMeetingOrThrow);

export const PATCH = recordChangeRoute("Meeting", updateMeeting);

/** Soft delete (admins): hidden everywhere, history kept; POST …/restore brings it back. */
export const DELETE = recordRoute("id", "Meeting", deleteMeeting);

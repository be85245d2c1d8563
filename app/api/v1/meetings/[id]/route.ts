import { recordChangeRoute, recordRoute, routeMethods } from "@/lib/api/handler";
import { deleteMeeting, getMeetingOrThrow, updateMeeting } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: recordRoute("id", "Meeting", getMeetingOrThrow),
  PATCH: recordChangeRoute("Meeting", updateMeeting),
  /** Soft delete (admins): hidden everywhere, history kept; POST …/restore brings it back. */
  DELETE: recordRoute("id", "Meeting", deleteMeeting),
});

import { recordChangeRoute, routeMethods } from "@/lib/api/handler";
import { logMeetingOutcome } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Logs a held meeting's outcome, all or nothing; answers the meeting as it now stands. */
  POST: recordChangeRoute("Meeting", logMeetingOutcome),
});

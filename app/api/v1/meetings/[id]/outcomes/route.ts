import { recordChangeRoute } from "@/lib/api/handler";
import { logMeetingOutcome } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

/** Logs a held meeting's outcome, all or nothing; answers the meeting as it now stands. */
export const POST = recordChangeRoute("Meeting", logMeetingOutcome);

import { apiRoute, idParam, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { logMeetingOutcome } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

/** Logs a held meeting's outcome, all or nothing; answers the meeting as it now stands. */
export const POST = apiRoute<{ id: string }>(async (request, context, actor) => {
  const id = await idParam(context, "Meeting");
  return jsonResponse(await logMeetingOutcome(actor, id, await readJsonBody(request)));
});

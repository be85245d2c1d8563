import { apiRoute, idParam, jsonResponse } from "@/lib/api/handler";
import { restoreMeeting } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

/** Brings back a deleted meeting with its history (admins). */
export const POST = apiRoute<{ id: string }>(async (_request, context, actor) => {
  return jsonResponse(await restoreMeeting(actor, await idParam(context, "Meeting")));
});

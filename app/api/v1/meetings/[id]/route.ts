import { apiRoute, idParam, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { deleteMeeting, getMeetingOrThrow, updateMeeting } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_request, context, actor) => {
  return jsonResponse(await getMeetingOrThrow(actor, await idParam(context, "Meeting")));
});

export const PATCH = apiRoute<{ id: string }>(async (request, context, actor) => {
  const id = await idParam(context, "Meeting");
  return jsonResponse(await updateMeeting(actor, id, await readJsonBody(request)));
});

/** Soft delete (admins): hidden everywhere, history kept; POST …/restore brings it back. */
export const DELETE = apiRoute<{ id: string }>(async (_request, context, actor) => {
  return jsonResponse(await deleteMeeting(actor, await idParam(context, "Meeting")));
});

import { apiRoute, idParam, jsonResponse, readJsonBody } from "@/lib/api/handler";
import { getMeetingOrThrow, updateMeeting } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_request, context) => {
  return jsonResponse(await getMeetingOrThrow(await idParam(context, "Meeting")));
});

export const PATCH = apiRoute<{ id: string }>(async (request, context) => {
  const id = await idParam(context, "Meeting");
  return jsonResponse(await updateMeeting(id, await readJsonBody(request)));
});

import { apiRoute, createdResponse, jsonResponse, readJsonBody, searchParamsToObject } from "@/lib/api/handler";
import { createMeeting, listMeetings } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, _context, actor) => {
  const { items, nextCursor, total } = await listMeetings(actor, searchParamsToObject(request.url));
  return jsonResponse({ items, nextCursor, total });
});

export const POST = apiRoute(async (request, _context, actor) => {
  const meeting = await createMeeting(actor, await readJsonBody(request));
  return createdResponse(meeting, `/api/v1/meetings/${meeting.id}`);
});

import { createRoute, pageRoute, routeMethods } from "@/lib/api/handler";
import { createMeeting, listMeetings } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: pageRoute(listMeetings),
  POST: createRoute(createMeeting, (meeting) => `/api/v1/meetings/${meeting.id}`),
});

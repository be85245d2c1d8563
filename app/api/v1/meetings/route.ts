import { createRoute, pageRoute, routeMethods } from "@/lib/api/handler";
import { exportMeetings } from "@/lib/server/export";
import { createMeeting, listMeetings } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** A page of JSON; with `format=csv|json` or `Accept: text/csv`, every meeting the filters match, streamed. */
  GET: pageRoute(listMeetings, exportMeetings),
  POST: createRoute(createMeeting, (meeting) => `/api/v1/meetings/${meeting.id}`),
});

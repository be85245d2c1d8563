import { createRoute, pageRoute } from "@/lib/api/handler";
import { createMeeting, listMeetings } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const GET = pageRoute(listMeetings);

export const POST = createRoute(createMeeting, (meeting) => `/api/v1/meetings/${meeting.id}`);

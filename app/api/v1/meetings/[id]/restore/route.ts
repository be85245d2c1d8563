import { recordRoute, routeMethods } from "@/lib/api/handler";
import { restoreMeeting } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Brings back a deleted meeting with its history (admins). */
  POST: recordRoute("id", "Meeting", restoreMeeting),
});

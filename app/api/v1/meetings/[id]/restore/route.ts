import { recordRoute } from "@/lib/api/handler";
import { restoreMeeting } from "@/lib/server/meetings";

export const dynamic = "force-dynamic";

/** Brings back a deleted meeting with its history (admins). */
export const POST = recordRoute("id", "Meeting", restoreMeeting);

import { recordRoute } from "@/lib/api/handler";
import { restoreParty } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

/** Brings back a deleted party (admins); one merged into another stays merged. */
export const POST = recordRoute("slug", "Party", restoreParty);

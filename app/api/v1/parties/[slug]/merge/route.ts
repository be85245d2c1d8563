import { recordChangeRoute } from "@/lib/api/handler";
import { mergeParty } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

/** `{"into": "<slug>"}` (admins): every reference moves to that party, and this one is deleted. */
export const POST = recordChangeRoute("Party", mergeParty, "slug");

import { recordChangeRoute, routeMethods } from "@/lib/api/handler";
import { mergeParty } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** `{"into": "<slug>"}` (admins): every reference moves to that party, and this one is deleted. */
  POST: recordChangeRoute("Party", mergeParty, "slug"),
});

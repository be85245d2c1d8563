import { recordChangeRoute, recordRoute, routeMethods } from "@/lib/api/handler";
import { deleteParty, getPartyOrThrow, updateParty } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: recordRoute("slug", "Party", getPartyOrThrow),
  PATCH: recordChangeRoute("Party", updateParty, "slug"),
  /** Soft delete (admins), refused while live records still name it; POST …/restore brings it back. */
  DELETE: recordRoute("slug", "Party", deleteParty),
});

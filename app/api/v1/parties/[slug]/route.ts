import { recordChangeRoute, recordRoute } from "@/lib/api/handler";
import { deleteParty, getPartyOrThrow, updateParty } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const GET = recordRoute("slug", "Party", getPartyOrThrow);

export const PATCH = recordChangeRoute("Party", updateParty, "slug");

/** Soft delete (admins), refused while live records still name it; POST …/restore brings it back. */
export const DELETE = recordRoute("slug", "Party", deleteParty);

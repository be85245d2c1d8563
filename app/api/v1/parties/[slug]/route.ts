import { recordRoute } from "@/lib/api/handler";
import { getPartyOrThrow } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const GET = recordRoute("slug", "Party", getPartyOrThrow);

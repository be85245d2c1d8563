import { createRoute, wholeListRoute } from "@/lib/api/handler";
import { createParty, listParties } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const GET = wholeListRoute(listParties);

export const POST = createRoute(createParty, (party) => `/api/v1/parties/${party.slug}`);

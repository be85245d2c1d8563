import { recordChangeRoute } from "@/lib/api/handler";
import { mergeVenue } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

/** `{"into": "<slug>"}` (admins): its meetings move to that venue, and this one is deleted. */
export const POST = recordChangeRoute("Venue", mergeVenue, "slug");

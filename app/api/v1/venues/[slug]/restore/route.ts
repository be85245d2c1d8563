import { recordRoute } from "@/lib/api/handler";
import { restoreVenue } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

/** Brings back a deleted venue (admins); one merged into another stays merged. */
export const POST = recordRoute("slug", "Venue", restoreVenue);

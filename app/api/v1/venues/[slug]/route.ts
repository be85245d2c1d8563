import { recordChangeRoute, recordRoute } from "@/lib/api/handler";
import { deleteVenue, getVenueOrThrow, updateVenue } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const GET = recordRoute("slug", "Venue", getVenueOrThrow);

export const PATCH = recordChangeRoute("Venue", updateVenue, "slug");

/** Soft delete (admins), refused while live records still name it; POST …/restore brings it back. */
export const DELETE = recordRoute("slug", "Venue", deleteVenue);

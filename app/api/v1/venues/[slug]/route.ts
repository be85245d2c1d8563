import { recordRoute } from "@/lib/api/handler";
import { getVenueOrThrow } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const GET = recordRoute("slug", "Venue", getVenueOrThrow);

import { apiRoute, jsonResponse, slugParam } from "@/lib/api/handler";
import { getVenueOrThrow } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async (_request, context, actor) => {
  return jsonResponse(await getVenueOrThrow(actor, await slugParam(context, "Venue")));
});

import { apiRoute, jsonResponse, slugParam } from "@/lib/api/handler";
import { getPartyOrThrow } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>(async (_request, context, actor) => {
  return jsonResponse(await getPartyOrThrow(actor, await slugParam(context, "Party")));
});

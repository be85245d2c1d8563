import { recordChangeRoute, recordRoute, routeMethods } from "@/lib/api/handler";
import { getSource, updateSource } from "@/lib/server/citations";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** The source with the quotes taken from it. */
  GET: recordRoute("id", "Source", getSource),
  /** Corrects its title, publisher, URL (unique), published date or note, at the version last seen. */
  PATCH: recordChangeRoute("Source", updateSource),
});

import { recordChangeRoute, recordRoute, routeMethods } from "@/lib/api/handler";
import { deleteCitation, getCitation, updateCitation } from "@/lib/server/citations";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: recordRoute("id", "Quote", getCitation),
  /** Corrects the quote's text or source, at the version last seen; the old ones stay in its revisions. */
  PATCH: recordChangeRoute("Quote", updateCitation),
  /** Soft delete (admins): gone from its record's page and detail, kept in revisions; POST …/restore brings it back. */
  DELETE: recordRoute("id", "Quote", deleteCitation),
});

import { beforeAll, describe, expect, it } from "vitest";
import * as grievanceOne from "@/app/api/v1/grievances/[id]/route";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { getGrievanceHistory } from "@/lib/server/grievances";
import { makeGrievance } from "../support/factories";
import { tokenFor } from "../api/support";

// Two analysts saving the same record: the second gets 409 with the current record, never a
// silent overwrite; writers that retry on 409 all land, in a consistent order. Over the real
// route handler and database, as a script would hit it.

let token = "";
beforeAll(async () => {
  token = await tokenFor("analyst");
});

function patch(id: string, body: unknown): Promise<Response> {
  const request = new Request(`http://localhost/api/v1/grievances/${id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return grievanceOne.PATCH(request, { params: Promise.resolve({ id }) });
}

describe("concurrent status changes", () => {
  it("20 saves carrying the same version: one 200, nineteen 409 with the current record, one history row", async () => {
    const g = await makeGrievance();
    const statuses = ["IN_NEGOTIATION", "STALLED", "RESOLVED", "WITHDRAWN", "PARTIALLY_RESOLVED"] as const;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        patch(g.id, { status: statuses[i % statuses.length], reason: `analyst ${i}`, version: 1 }),
      ),
    );
    const codes = responses.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(codes.some((c) => c >= 500)).toBe(false);
    const conflict = await responses.find((r) => r.status === 409)!.json();
    expect(conflict.error).toMatchObject({ code: "CONFLICT", current: { id: g.id, version: 2 } });
    expect(await getGrievanceHistory(SYSTEM, g.id)).toHaveLength(2);
  });

  it("20 writers that retry on 409 all land, and the history has 20 new rows chained from → to", async () => {
    const g = await makeGrievance();
    const writer = async (i: number) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const db = await getDb();
        const { version, status } = await db.grievance.findUniqueOrThrow({
          where: { id: g.id },
          select: { version: true, status: true },
        });
        const to = status === "STALLED" ? "IN_NEGOTIATION" : "STALLED";
        const response = await patch(g.id, { status: to, reason: `writer ${i}`, version });
        if (response.status === 200) return attempt;
        expect(response.status).toBe(409);
      }
      throw new Error(`writer ${i} never landed`);
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer(i)));
    const history = await getGrievanceHistory(SYSTEM, g.id);
    expect(history).toHaveLength(21);
    expect(new Set(history.slice(1).map((h) => h.reason)).size).toBe(20);
    // Consistent order: each row starts where the previous one ended.
    for (let i = 1; i < history.length; i++) expect(history[i]!.from).toBe(history[i - 1]!.to);
  });
});

import { describe, expect, it } from "vitest";
import { GrievanceCreateSchema, GrievanceUpdateSchema } from "./grievance";

// Cases that kill mutants Stryker found surviving the grievance schema's tests (npm run test:mutation).

const issues = (result: { error?: { issues: Array<{ path: PropertyKey[]; message: string; code: string }> } }) =>
  (result.error?.issues ?? []).map((i) => `${i.code} ${i.path.join(".")}: ${i.message}`);

describe("grievance inputs, branch by branch", () => {
  it("an empty meeting is no meeting, on create and on update", () => {
    const create = { title: "T", category: "VISAS", raisedBy: ["russia"], addressedTo: ["united-states"] };
    expect(GrievanceCreateSchema.parse({ ...create, meetingId: "" }).meetingId).toBeUndefined();
    expect(GrievanceCreateSchema.parse({ ...create, meetingId: "m1" }).meetingId).toBe("m1");
    expect(GrievanceUpdateSchema.parse({ version: 1, meetingId: "" }).meetingId).toBeUndefined();
    expect(GrievanceUpdateSchema.parse({ version: 1, status: "OPEN", reason: "r", meetingId: "m1" }).meetingId).toBe(
      "m1",
    );
  });

  it("a status change needs a reason, said on the reason field", () => {
    expect(issues(GrievanceUpdateSchema.safeParse({ version: 1, status: "STALLED" }))).toEqual([
      "custom reason: Reason is required to change the status",
    ]);
  });

  it("a meeting, a source or a date without a status change is refused, each on its own", () => {
    const refused = "custom status: Reason, meeting, source and date go with a status change";
    for (const extra of [
      { reason: "r" },
      { meetingId: "m1" },
      { sourceUrl: "https://example.org/readout" },
      { occurredAt: "2025-04-10" },
    ])
      expect(issues(GrievanceUpdateSchema.safeParse({ version: 1, ...extra })), JSON.stringify(extra)).toEqual([
        refused,
      ]);
  });
});

import { describe, expect, it } from "vitest";
import { zodIssues } from "../errors";
import { GrievanceCreateSchema, GrievanceFiltersSchema, GrievanceUpdateSchema } from "./grievance";

const valid = { title: "Visas", category: "VISAS", raisedBy: ["russia"], addressedTo: ["united-states"] };

function issuesOf(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return zodIssues(result.error as never);
}

describe("GrievanceCreateSchema", () => {
  it("trims text and de-duplicates party slugs", () => {
    const parsed = GrievanceCreateSchema.parse({ ...valid, title: "  Visas  ", raisedBy: ["russia", "RUSSIA"] });
    expect(parsed.title).toBe("Visas");
    expect(parsed.raisedBy).toEqual(["russia"]);
  });

  it.each([
    [{ ...valid, title: "   " }, "title", "Title is required"],
    [{ ...valid, title: "x".repeat(201) }, "title", "Title must be at most 200 characters"],
    [{ ...valid, category: "SPIES" }, "category", "Must be one of"],
    [{ ...valid, raisedBy: [] }, "raisedBy", "Raised by needs at least one party"],
    [{ ...valid, raisedBy: ["Not A Slug"] }, "raisedBy.0", "Use lower-case letters"],
    [{ ...valid, extra: 1 }, "extra", 'Unknown field "extra"'],
    [{ ...valid, title: 42 }, "title", "Title must be text"],
  ])("names the field and the reason (%#)", (input, path, message) => {
    const issues = issuesOf(GrievanceCreateSchema, input);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(message);
  });
});

// The change-status form and dialog send a PATCH body with a status move alone.
describe("status changes", () => {
  it("need a reason and a version", () => {
    // The reason is checked once the fields parse, so a missing version is reported first.
    expect(issuesOf(GrievanceUpdateSchema, { status: "RESOLVED" }).map((i) => i.path)).toEqual(["version"]);
    expect(issuesOf(GrievanceUpdateSchema, { status: "RESOLVED", version: 1 }).map((i) => i.path)).toEqual(["reason"]);
  });

  it("in a PATCH, a status without a reason is refused, and a reason without a status too", () => {
    expect(issuesOf(GrievanceUpdateSchema, { version: 1, status: "RESOLVED" })[0]).toEqual({
      path: "reason",
      message: "Reason is required to change the status",
    });
    expect(issuesOf(GrievanceUpdateSchema, { version: 1, reason: "why" })[0]?.path).toBe("status");
  });

  it("takes only http(s) source URLs", () => {
    const issues = issuesOf(GrievanceUpdateSchema, {
      status: "OPEN",
      reason: "r",
      version: 1,
      sourceUrl: "javascript:alert(1)",
    });
    expect(issues[0]?.path).toBe("sourceUrl");
  });
});

describe("GrievanceFiltersSchema", () => {
  it("reads comma lists and repeated keys alike", () => {
    expect(GrievanceFiltersSchema.parse({ status: "OPEN,STALLED" }).status).toEqual(["OPEN", "STALLED"]);
    expect(GrievanceFiltersSchema.parse({ status: ["OPEN", "STALLED,OPEN"] }).status).toEqual(["OPEN", "STALLED"]);
  });

  it("refuses a negative limit and unknown keys", () => {
    expect(issuesOf(GrievanceFiltersSchema, { limit: "-1" })[0]?.path).toBe("limit");
    expect(issuesOf(GrievanceFiltersSchema, { colour: "red" })[0]?.path).toBe("colour");
  });
});

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

import { beforeEach, describe, expect, it, vi } from "vitest";
import { validationFailed } from "@/lib/errors";
import { logMeetingOutcome } from "@/lib/server/meetings";
import { logMeetingOutcomeAction } from "./meetings";

// How the outcome form's post becomes the API's input: the rows the analyst filled, each with the
// date typed in it, and the server's row errors mapped back to the form's own rows. lib/server is
// replaced here (what it does with the input is tested in tests/integration and tests/api).

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/server/session", () => ({ currentActor: async () => null }));
vi.mock("@/lib/server/grievances", () => ({ listGrievanceOptions: async () => [] }));
vi.mock("@/lib/server/meetings", () => ({ logMeetingOutcome: vi.fn(async () => ({})) }));

const logged = vi.mocked(logMeetingOutcome);
const idle = { status: "idle" } as const;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

/** Three rows as the form posts them: the first left alone (skipped), then two filled in. */
const ROWS = {
  id: "m1",
  "outcomes.0.grievanceId": "g0",
  "outcomes.0.version": "1",
  "outcomes.0.status": "",
  "outcomes.0.note": "",
  "outcomes.0.occurredDate": "2025-04-09",
  "outcomes.0.occurredTime": "",
  "outcomes.1.grievanceId": "g1",
  "outcomes.1.version": "2",
  "outcomes.1.status": "STALLED",
  "outcomes.1.note": "No answer on the second day",
  "outcomes.1.occurredDate": "2025-04-11",
  "outcomes.1.occurredTime": "15:30",
  "outcomes.2.grievanceId": "g2",
  "outcomes.2.version": "4",
  "outcomes.2.status": "",
  "outcomes.2.note": "Raised on the first day",
  "outcomes.2.occurredDate": "",
  "outcomes.2.occurredTime": "",
  sourceUrl: "",
  occurredDate: "2025-04-10",
  occurredTime: "",
};

beforeEach(() => {
  logged.mockReset();
  logged.mockResolvedValue({} as Awaited<ReturnType<typeof logMeetingOutcome>>);
});

describe("logMeetingOutcomeAction", () => {
  it("sends each filled row with the date typed in it, and the batch's date for the others", async () => {
    const state = await logMeetingOutcomeAction(idle, form(ROWS));
    expect(state).toMatchObject({ status: "ok", message: "Outcome saved for 2 grievances, 1 with a new status." });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![1]).toBe("m1");
    const input = logged.mock.calls[0]![2] as { outcomes: unknown; occurredAt?: string };
    expect(input.occurredAt).toBe("2025-04-10");
    expect(input.outcomes).toEqual([
      {
        grievanceId: "g1",
        version: "2",
        status: "STALLED",
        note: "No answer on the second day",
        occurredAt: "2025-04-11T15:30:00Z",
      },
      // Undated: the server dates it at the batch's occurredAt.
      { grievanceId: "g2", version: "4", note: "Raised on the first day" },
    ]);
  });

  it("sends a row's date alone as a day, and no batch date when the batch's is blank", async () => {
    await logMeetingOutcomeAction(
      idle,
      form({ ...ROWS, "outcomes.1.occurredTime": "", "outcomes.2.occurredDate": "2025-04-12", occurredDate: "" }),
    );
    const input = logged.mock.calls[0]![2] as { outcomes: Array<Record<string, string>>; occurredAt?: string };
    expect(input.outcomes.map((row) => row.occurredAt)).toEqual(["2025-04-11", "2025-04-12"]);
    expect(input.occurredAt).toBeUndefined();
  });

  it("puts the server's error on a row's date on that row of the form, and keeps what was typed", async () => {
    // The second row sent is the form's third (the first was skipped).
    logged.mockRejectedValue(
      validationFailed([{ path: "outcomes.1.occurredAt", message: "The date it happened cannot be in the future" }]),
    );
    const state = await logMeetingOutcomeAction(idle, form({ ...ROWS, "outcomes.2.occurredDate": "2999-01-01" }));
    expect(state).toMatchObject({
      status: "error",
      code: "VALIDATION_FAILED",
      fieldErrors: { "outcomes.2.occurredAt": "The date it happened cannot be in the future" },
    });
    if (state.status !== "error") throw new Error("refused");
    const typed = state.values?.outcomes as Array<Record<string, string>>;
    expect(typed[2]).toMatchObject({ occurredDate: "2999-01-01", note: "Raised on the first day" });
  });
});

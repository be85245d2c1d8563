import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { actionStateFromError } from "./action-state";

describe("actionStateFromError", () => {
  it("keys field errors by path, keeping the first per field", () => {
    const error = new AppError("VALIDATION_FAILED", "title: Title is required", {
      issues: [
        { path: "title", message: "Title is required" },
        { path: "title", message: "second" },
        { path: "outcomes.1.note", message: "Note is required" },
      ],
    });
    expect(actionStateFromError(error)).toMatchObject({
      status: "error",
      code: "VALIDATION_FAILED",
      fieldErrors: { title: "Title is required", "outcomes.1.note": "Note is required" },
    });
  });

  it("carries back the values it is given and the current record of a conflict", () => {
    const error = new AppError("CONFLICT", "Changed meanwhile", { current: { version: 4 } });
    expect(actionStateFromError(error, { title: "typed" })).toMatchObject({
      code: "CONFLICT",
      current: { version: 4 },
      values: { title: "typed" },
    });
  });

  it("rethrows what is not an AppError, so it reaches the error page and the log", () => {
    expect(() => actionStateFromError(new Error("boom"))).toThrow("boom");
  });
});

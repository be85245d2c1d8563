import { describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/forms/action-state";
import { fieldError, inlineResult, summarize } from "./summary";

function refused(fieldErrors: Record<string, string>, extra: Partial<ActionState> = {}): ActionState {
  return {
    status: "error",
    code: "VALIDATION_FAILED",
    formError: "body: not valid",
    fieldErrors,
    ...extra,
  } as ActionState;
}

const FIELDS = {
  title: { htmlFor: "t", label: "Title" },
  category: { htmlFor: "c", label: "Category" },
  raisedBy: { htmlFor: "r", label: "Raised by" },
  reason: { htmlFor: "why", label: "Reason" },
};

describe("fieldError", () => {
  it("finds a field's own error or the first error inside it", () => {
    const errors = { title: "Title is required", "raisedBy.1": 'Unknown party "atlantis"' };
    expect(fieldError(errors, "title")).toBe("Title is required");
    expect(fieldError(errors, "raisedBy")).toBe('Unknown party "atlantis"');
    expect(fieldError(errors, "raised")).toBeUndefined();
  });
});

describe("summarize", () => {
  it("lists errors in form order, naming the field unless the message already does", () => {
    const summary = summarize(refused({ category: "Must be one of A, B", title: "Title is required" }), FIELDS);
    expect(summary).toEqual({
      tone: "error",
      message: "Nothing was saved. Fix the 2 fields marked below.",
      extra: [],
      linked: [
        { htmlFor: "t", message: "Title is required" },
        { htmlFor: "c", message: "Category: Must be one of A, B" },
      ],
    });
  });

  it("links an error inside a field to that field, once", () => {
    const summary = summarize(refused({ "raisedBy.1": "Unknown party", "raisedBy.2": "Unknown party" }), FIELDS);
    expect(summary).toMatchObject({
      message: "Nothing was saved. Fix the field marked below.",
      linked: [{ htmlFor: "r", message: "Raised by: Unknown party" }],
    });
  });

  it("gives the server's message when no error belongs to a field on the form", () => {
    const state = refused({}, { code: "NOT_FOUND", formError: "Grievance was not found" });
    expect(summarize(state, FIELDS)).toEqual({
      tone: "error",
      message: "Grievance was not found",
      extra: [],
      linked: [],
    });
    expect(summarize(refused({ other: "Loose one", more: "Loose two" }), FIELDS)).toMatchObject({
      message: "Loose one",
      extra: ["Loose two"],
    });
  });

  it("leads a conflict with the form's explanation, then the API's words", () => {
    const state = refused({}, { code: "CONFLICT", formError: "Changed meanwhile" });
    expect(summarize(state, FIELDS, { conflictMessage: "Someone else saved first" })).toMatchObject({
      message: "Someone else saved first",
      extra: ["Changed meanwhile"],
    });
  });

  it("words a refusal with fields marked as the form says it, for a form that saves nothing (signing in)", () => {
    const refusalMessage = (fields: string) => `Sign-in failed: check the ${fields} marked below.`;
    const one = summarize(refused({ reason: "The email or password is wrong" }), FIELDS, { refusalMessage });
    expect(one).toMatchObject({
      message: "Sign-in failed: check the field marked below.",
      linked: [{ htmlFor: "why", message: "Reason: The email or password is wrong" }],
    });
    const two = summarize(refused({ title: "Required", reason: "Required" }), FIELDS, { refusalMessage });
    expect(two).toMatchObject({ message: "Sign-in failed: check the 2 fields marked below." });
    // A refusal that marks no field says the server's words, whichever the form.
    const limited = refused({}, { code: "RATE_LIMITED", formError: "Too many sign-in attempts" });
    expect(summarize(limited, FIELDS, { refusalMessage })).toMatchObject({ message: "Too many sign-in attempts" });
  });

  it("says the action's message on success and nothing while idle", () => {
    expect(summarize({ status: "ok", data: null, message: "Status changed." }, FIELDS)).toEqual({
      tone: "success",
      message: "Status changed.",
    });
    expect(summarize({ status: "ok", data: null }, FIELDS)).toEqual({ tone: "success", message: "Saved." });
    expect(summarize({ status: "idle" }, FIELDS)).toEqual({ tone: "none" });
  });
});

describe("inlineResult", () => {
  it("prefers the first field message to the summary on a refusal", () => {
    expect(inlineResult(refused({ role: "The last active admin must stay an admin" }))).toEqual({
      message: "The last active admin must stay an admin",
      tone: "error",
    });
    expect(inlineResult(refused({}, { formError: "Not found" }))).toEqual({ message: "Not found", tone: "error" });
    expect(inlineResult({ status: "ok", data: null })).toEqual({ message: "Done.", tone: "success" });
    expect(inlineResult({ status: "idle" })).toEqual({ message: null, tone: "success" });
  });
});

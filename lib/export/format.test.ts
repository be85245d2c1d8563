import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { requestedFormat } from "./format";

describe("requestedFormat", () => {
  it("is the ordinary page without format or a CSV Accept header", () => {
    expect(requestedFormat(undefined, null)).toBeNull();
    expect(requestedFormat(undefined, "application/json")).toBeNull();
    expect(requestedFormat(undefined, "text/html,application/xhtml+xml,*/*;q=0.8")).toBeNull();
  });

  it("takes format=csv or format=json, over whatever Accept says", () => {
    expect(requestedFormat("csv", null)).toBe("csv");
    expect(requestedFormat("json", "text/csv")).toBe("json");
    expect(requestedFormat("csv", "application/json")).toBe("csv");
  });

  it("takes Accept: text/csv unless JSON is preferred or text/csv is refused", () => {
    expect(requestedFormat(undefined, "text/csv")).toBe("csv");
    expect(requestedFormat(undefined, "Text/CSV; charset=utf-8")).toBe("csv");
    expect(requestedFormat(undefined, "text/csv;q=0.5, application/json")).toBeNull();
    expect(requestedFormat(undefined, "application/json;q=0.4, text/csv;q=0.9")).toBe("csv");
    expect(requestedFormat(undefined, "text/csv;q=0")).toBeNull();
  });

  it.each([["xml"], ["CSV"], [""], [["csv", "json"]]])("refuses format=%j naming format", (format) => {
    let caught: unknown;
    try {
      requestedFormat(format, null);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe("VALIDATION_FAILED");
    expect(isAppError(caught) && caught.issues.map((issue) => issue.path)).toEqual(["format"]);
  });
});

import { describe, expect, it } from "vitest";
import { errorLinks, fieldError, refusalMessage } from "./form-errors";

describe("fieldError", () => {
  it("finds a field's own error or the first error inside it", () => {
    const errors = { title: "Title is required", "raisedBy.1": 'Unknown party "atlantis"' };
    expect(fieldError(errors, "title")).toBe("Title is required");
    expect(fieldError(errors, "raisedBy")).toBe('Unknown party "atlantis"');
    expect(fieldError(errors, "raised")).toBeUndefined();
  });
});

describe("errorLinks", () => {
  it("lists errors in form order, naming the field unless the message already does", () => {
    const errors = { category: "Must be one of A, B", title: "Title is required" };
    const fields = [
      { name: "title", id: "t", label: "Title" },
      { name: "category", id: "c", label: "Category" },
      { name: "reason", id: "r", label: "Reason" },
    ];
    expect(errorLinks(errors, fields)).toEqual([
      { htmlFor: "t", message: "Title is required" },
      { htmlFor: "c", message: "Category: Must be one of A, B" },
    ]);
  });
});

describe("refusalMessage", () => {
  it("points at the fields when there are any, else gives the server's message", () => {
    expect(refusalMessage("title: Title is required", 1)).toBe("Check the field marked below.");
    expect(refusalMessage("x", 3)).toBe("Check the 3 fields marked below.");
    expect(refusalMessage("Grievance was not found", 0)).toBe("Grievance was not found");
  });
});

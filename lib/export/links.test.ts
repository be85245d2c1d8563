import { describe, expect, it } from "vitest";
import { apiListHref, exportHref } from "./links";

describe("export links", () => {
  it("read a list page's address through the API", () => {
    expect(apiListHref("/grievances?party=russia&status=OPEN,STALLED")).toBe(
      "/api/v1/grievances?party=russia&status=OPEN,STALLED",
    );
    expect(apiListHref("/meetings")).toBe("/api/v1/meetings");
  });

  it("set format, keep every filter and drop the page's cursor", () => {
    expect(exportHref("/api/v1/grievances?party=russia&status=OPEN%2CSTALLED&cursor=abc", "csv")).toBe(
      "/api/v1/grievances?party=russia&status=OPEN%2CSTALLED&format=csv",
    );
    expect(exportHref("/api/v1/parties?deleted=1&format=csv", "json")).toBe("/api/v1/parties?deleted=1&format=json");
    expect(exportHref("/api/v1/grievances/abc/history", "csv")).toBe("/api/v1/grievances/abc/history?format=csv");
  });
});

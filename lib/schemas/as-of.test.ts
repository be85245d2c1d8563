import { describe, expect, it } from "vitest";
import { AsOfQuerySchema, asOfInstant, pastAsOf, todayUtc } from "./as-of";

const NOW = new Date("2026-12-01T09:30:00.000Z");

describe("asOf", () => {
  it.each(["2025-03-01", "2024-02-29", "0001-01-01"])("accepts the day %s", (value) => {
    expect(AsOfQuerySchema.parse({ asOf: value })).toEqual({ asOf: value });
  });

  it.each(["2025-02-29", "2025-13-01", "2025-3-1", "01-03-2025", "2025-03-01T00:00:00Z", "0000-01-01", "", "today"])(
    "refuses %j, naming asOf",
    (value) => {
      const result = AsOfQuerySchema.safeParse({ asOf: value });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["asOf"]);
    },
  );

  it("refuses any other key", () => {
    expect(AsOfQuerySchema.safeParse({ asof: "2025-03-01" }).success).toBe(false);
  });

  it("stands for the last millisecond of the day in UTC, so moves dated that day count", () => {
    expect(asOfInstant("2025-03-01", NOW)?.toISOString()).toBe("2025-03-01T23:59:59.999Z");
    expect(asOfInstant("2024-12-31", NOW)?.toISOString()).toBe("2024-12-31T23:59:59.999Z");
  });

  it("reads today and any later day as the live record", () => {
    expect(todayUtc(NOW)).toBe("2026-12-01");
    expect(pastAsOf("2026-11-30", NOW)).toBe("2026-11-30");
    expect(pastAsOf("2026-12-01", NOW)).toBeUndefined();
    expect(pastAsOf("2999-01-01", NOW)).toBeUndefined();
    expect(asOfInstant("2999-01-01", NOW)).toBeNull();
    expect(asOfInstant(undefined, NOW)).toBeNull();
  });
});

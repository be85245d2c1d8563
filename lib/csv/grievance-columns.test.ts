import { describe, expect, it } from "vitest";
import {
  csvRowToGrievance,
  GRIEVANCE_CSV_COLUMNS,
  grievanceCsvCells,
  grievanceToCsvRow,
  splitParties,
  unguardCell,
  type GrievanceCsvSource,
} from "./grievance-columns";

const grievance: GrievanceCsvSource = {
  id: "g1",
  title: "Frozen properties",
  description: "Two\nlines",
  category: "PROPERTY",
  status: "IN_NEGOTIATION",
  raisedBy: [{ slug: "ru" }, { slug: "by" }],
  addressedTo: [{ slug: "us" }],
  lastMovedAt: "2025-02-27T10:00:00.000Z",
  createdAt: new Date("2025-01-02T03:04:05.000Z"),
};

describe("grievance CSV columns", () => {
  it("name the file's header in order", () => {
    expect(GRIEVANCE_CSV_COLUMNS.join(",")).toBe(
      "id,title,description,category,status,raisedBy,addressedTo,lastMovedAt,createdAt",
    );
  });

  it("write a grievance as stored values, ;-joined slugs and ISO dates (from strings or Dates)", () => {
    expect(grievanceToCsvRow(grievance)).toEqual({
      id: "g1",
      title: "Frozen properties",
      description: "Two\nlines",
      category: "PROPERTY",
      status: "IN_NEGOTIATION",
      raisedBy: "ru;by",
      addressedTo: "us",
      lastMovedAt: "2025-02-27T10:00:00.000Z",
      createdAt: "2025-01-02T03:04:05.000Z",
    });
    expect(grievanceCsvCells(grievance)).toEqual([
      "g1",
      "Frozen properties",
      "Two\nlines",
      "PROPERTY",
      "IN_NEGOTIATION",
      "ru;by",
      "us",
      "2025-02-27T10:00:00.000Z",
      "2025-01-02T03:04:05.000Z",
    ]);
  });

  it("read back what they wrote", () => {
    const read = csvRowToGrievance(grievanceToCsvRow(grievance));
    expect(read).toEqual({
      id: "g1",
      title: "Frozen properties",
      description: "Two\nlines",
      category: "PROPERTY",
      status: "IN_NEGOTIATION",
      raisedBy: ["ru", "by"],
      addressedTo: ["us"],
      lastMovedAt: "2025-02-27T10:00:00.000Z",
      createdAt: "2025-01-02T03:04:05.000Z",
    });
  });

  it("read a hand-made row: missing cells empty, enums upper-cased, party entries trimmed and blanks dropped", () => {
    expect(csvRowToGrievance({ title: " Visas ", category: " visas ", raisedBy: " ru ; ;Belarus;" })).toEqual({
      id: "",
      title: " Visas ",
      description: "",
      category: "VISAS",
      status: "",
      raisedBy: ["ru", "Belarus"],
      addressedTo: [],
      lastMovedAt: "",
      createdAt: "",
    });
    expect(splitParties("")).toEqual([]);
  });

  it("undo the export's formula guard, and only that", () => {
    expect(unguardCell("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguardCell("'+1")).toBe("+1");
    expect(unguardCell("'-1")).toBe("-1");
    expect(unguardCell("'@x")).toBe("@x");
    expect(unguardCell("'\t1")).toBe("\t1");
    expect(unguardCell("'\uFF1D1")).toBe("\uFF1D1");
    expect(unguardCell("'tis the season")).toBe("'tis the season");
    expect(unguardCell("=plain")).toBe("=plain");
    expect(csvRowToGrievance({ title: "'=HYPERLINK()" }).title).toBe("=HYPERLINK()");
  });
});

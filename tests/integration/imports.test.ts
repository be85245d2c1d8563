import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { GRIEVANCE_CSV_COLUMNS, grievanceToCsvRow } from "@/lib/csv/grievance-columns";
import { LIMITS } from "@/lib/schemas/common";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { getGrievanceOrThrow, listGrievances } from "@/lib/server/grievances";
import { applyGrievanceImport, IMPORTED_REASON, previewGrievanceImport } from "@/lib/server/imports";
import { makeGrievance, makeParty } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";

const HEADER = "title,description,category,status,raisedBy,addressedTo";

/** A CSV file from rows of cells, the header first; CRLF as Excel writes it. */
const csvOf = (rows: string[][], header = HEADER) =>
  [header, ...rows.map((cells) => stringify([cells]).trimEnd())].join("\r\n") + "\r\n";

const viewer: Actor = { kind: "user", id: "v", name: "V", email: "v@example.org", role: "viewer", via: "token" };

async function twoParties() {
  const a = await makeParty();
  const b = await makeParty();
  return { a, b };
}

describe("the dry run", () => {
  it("reports what each row creates, matching parties by slug or by name folded, and writes nothing", async () => {
    const turkey = await makeParty({ name: "Türkiye", slug: "turkiye-import" });
    const { a } = await twoParties();
    const file = csvOf([
      ["Visas for staff", "Two-line\ndescription", "visas", "", `${a.slug}`, "TURKIYE"],
      ["Bank accounts", "", "BANKING", "OPEN", `  ${a.name.toUpperCase()} ; ${turkey.slug}`, turkey.name],
    ]);
    const report = await expectNothingChanged(() => previewGrievanceImport(SYSTEM, file), "the dry run");
    expect(report.errors).toEqual([]);
    expect(report.unknownParties).toEqual([]);
    expect(report.willCreate).toBe(2);
    expect(report.rows).toEqual([
      expect.objectContaining({
        row: 2,
        title: "Visas for staff",
        category: "VISAS",
        status: "OPEN",
        raisedBy: [expect.objectContaining({ slug: a.slug })],
        addressedTo: [expect.objectContaining({ slug: turkey.slug })],
        valid: true,
      }),
      expect.objectContaining({
        row: 3,
        raisedBy: [expect.objectContaining({ slug: a.slug }), expect.objectContaining({ slug: turkey.slug })],
        addressedTo: [expect.objectContaining({ slug: turkey.slug })],
      }),
    ]);
  });

  it("lists every error with its row and column, and the unknown parties once each", async () => {
    const { a, b } = await twoParties();
    const file = csvOf([
      ["Fine row", "", "OTHER", "", a.slug, b.slug],
      ["", "", "WEATHER", "", "atlantis", b.slug],
      ["Unknown again", "", "OTHER", "SETTLED", a.slug, "Atlantis;lemuria"],
    ]);
    const report = await expectNothingChanged(() => previewGrievanceImport(SYSTEM, file));
    expect(report.errors).toEqual([
      { row: 3, column: "raisedBy", message: 'Unknown party "atlantis"' },
      { row: 3, column: "title", message: "Title is required" },
      { row: 3, column: "category", message: expect.stringContaining("Must be one of LOCAL_STAFF") },
      { row: 4, column: "addressedTo", message: 'Unknown party "Atlantis"' },
      { row: 4, column: "addressedTo", message: 'Unknown party "lemuria"' },
      { row: 4, column: "status", message: expect.stringContaining("Must be one of OPEN") },
    ]);
    expect(report.unknownParties).toEqual(["atlantis", "lemuria"]);
    expect(report.willCreate).toBe(0);
    expect(report.rows.map((r) => r.valid)).toEqual([true, false, false]);
  });

  it("tolerates the BOM and LF line ends, and reads past an exported file's id and dates", async () => {
    const { a, b } = await twoParties();
    const file = `\uFEFF${GRIEVANCE_CSV_COLUMNS.join(",")}\nold-id,Title,,OTHER,OPEN,${a.slug},${b.slug},2020-01-01T00:00:00.000Z,not a date\n`;
    const report = await previewGrievanceImport(SYSTEM, file);
    expect(report).toMatchObject({ errors: [], willCreate: 1, rows: [{ row: 2, title: "Title" }] });
  });

  it("refuses a header with an unknown or a missing column, on row 1", async () => {
    const report = await previewGrievanceImport(SYSTEM, "title,colour,category,raisedBy\nx,red,OTHER,a\n");
    expect(report.errors).toEqual([
      { row: 1, column: "colour", message: expect.stringContaining('Unknown column "colour"') },
      { row: 1, column: "addressedTo", message: 'The file has no "addressedTo" column' },
    ]);
  });

  it("reports a row whose cell count differs from the header's", async () => {
    const { a, b } = await twoParties();
    const report = await previewGrievanceImport(SYSTEM, `${HEADER}\nx,,OTHER,,${a.slug},${b.slug},extra\n`);
    expect(report.errors).toEqual([{ row: 2, column: "", message: "The row has 7 cells; the header has 6" }]);
  });

  it("refuses a file that is not CSV, an empty one and one without rows, naming the problem", async () => {
    await expect(previewGrievanceImport(SYSTEM, `${HEADER}\n"unclosed,,OTHER\n`)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("The file is not valid CSV"),
    });
    await expect(previewGrievanceImport(SYSTEM, "")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("The file is empty"),
    });
    const report = await previewGrievanceImport(SYSTEM, `${HEADER}\r\n\r\n`);
    expect(report.errors).toEqual([{ row: 2, column: "", message: "The file has no grievance rows below its header" }]);
  });

  it("is for analysts and admins", async () => {
    await expect(previewGrievanceImport(viewer, `${HEADER}\n`)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewGrievanceImport(null, `${HEADER}\n`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("the limits", () => {
  it("refuses a file over the byte limit, saying how large it is and what the limit is", async () => {
    const file = `${HEADER}\n` + "x".repeat(LIMITS.importBytes);
    await expect(expectNothingChanged(() => applyGrievanceImport(SYSTEM, file))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/at most 1,000,000 bytes/),
    });
  });

  it("takes a file at the row limit and refuses one row more", async () => {
    const { a, b } = await twoParties();
    const row = `t,,OTHER,,${a.slug},${b.slug}`;
    const atLimit = [HEADER, ...Array<string>(LIMITS.importRows).fill(row)].join("\n");
    expect((await previewGrievanceImport(SYSTEM, atLimit)).willCreate).toBe(LIMITS.importRows);
    await expect(previewGrievanceImport(SYSTEM, `${atLimit}\n${row}`)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringContaining(`at most ${LIMITS.importRows.toLocaleString("en")}`),
    });
  });
});

describe("applying", () => {
  it("creates every row's grievance with its parties and first history entry, as createGrievance does", async () => {
    const { a, b } = await twoParties();
    const file = csvOf([
      ["Imported one", "Line one\r\nline two", "FLIGHTS", "", a.slug, b.name],
      ["Imported two", "", "STAFFING", "STALLED", `${a.slug};${b.slug}`, b.slug],
    ]);
    const { created, ids } = await applyGrievanceImport(SYSTEM, file);
    expect(created).toBe(2);
    const [one, two] = await Promise.all(ids.map((id) => getGrievanceOrThrow(SYSTEM, id)));
    expect(one).toMatchObject({
      title: "Imported one",
      description: "Line one\nline two",
      category: "FLIGHTS",
      status: "OPEN",
      raisedBy: [{ slug: a.slug }],
      addressedTo: [{ slug: b.slug }],
    });
    expect(one!.history).toEqual([expect.objectContaining({ from: null, to: "OPEN", reason: IMPORTED_REASON })]);
    // A status from the file is a move of its own, saying where it came from: the record stays true.
    expect(two).toMatchObject({ status: "STALLED", raisedBy: [{ slug: a.slug }, { slug: b.slug }] });
    expect(two!.history).toEqual([
      expect.objectContaining({ from: null, to: "OPEN", reason: IMPORTED_REASON }),
      expect.objectContaining({ from: "OPEN", to: "STALLED", reason: "Imported with status Stalled from a CSV file" }),
    ]);
    const listed = await listGrievances(SYSTEM, { q: "Imported" });
    expect(listed.items.map((g) => g.title).sort()).toEqual(["Imported one", "Imported two"]);
  });

  it("writes nothing when one row is bad, and says which", async () => {
    const { a, b } = await twoParties();
    const rows = Array.from({ length: 20 }, (_, i) => [`Good ${i}`, "", "OTHER", "", a.slug, b.slug]);
    rows.splice(13, 0, ["Bad", "", "OTHER", "", a.slug, "nowhere"]);
    await expect(expectNothingChanged(() => applyGrievanceImport(SYSTEM, csvOf(rows)))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: 'Nothing was imported: the file has 1 problem. The first, row 15, addressedTo: Unknown party "nowhere"',
      issues: [{ path: "rows.15.addressedTo", message: 'Unknown party "nowhere"' }],
    });
  });

  it("is refused for a viewer, and nothing changes", async () => {
    const { a, b } = await twoParties();
    const file = csvOf([["T", "", "OTHER", "", a.slug, b.slug]]);
    await expect(expectNothingChanged(() => applyGrievanceImport(viewer, file))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("round-trips an exported file: same titles, parties and categories", async () => {
    const { a, b } = await twoParties();
    const c = await makeParty({ name: "Côte d'Ivoire, République", slug: "civ-import" });
    const originals = [
      await makeGrievance({
        title: "=cmd|' /C calc'!A0",
        category: "VISAS",
        raisedBy: [a.slug],
        addressedTo: [c.slug],
      }),
      await makeGrievance({
        title: 'Quotes "and", commas',
        description: "multi\nline",
        category: "BANKING",
        raisedBy: [a.slug, c.slug],
        addressedTo: [b.slug],
      }),
    ];
    const exported = await listGrievances(SYSTEM, { party: a.slug });
    // As the export writes it (lib/export/csv.ts): BOM, CRLF, formula cells behind an apostrophe.
    const file = stringify(exported.items.map(grievanceToCsvRow), {
      header: true,
      columns: [...GRIEVANCE_CSV_COLUMNS],
      bom: true,
      record_delimiter: "windows",
      escape_formulas: true,
    });
    expect(file).toContain("'=cmd");
    const { ids } = await applyGrievanceImport(SYSTEM, file);
    const imported = await Promise.all(ids.map((id) => getGrievanceOrThrow(SYSTEM, id)));
    const shape = (g: (typeof imported)[number]) => ({
      title: g.title,
      description: g.description,
      category: g.category,
      raisedBy: g.raisedBy.map((p) => p.slug),
      addressedTo: g.addressedTo.map((p) => p.slug),
    });
    expect(imported.map(shape).sort((x, y) => x.title.localeCompare(y.title))).toEqual(
      originals.map(shape).sort((x, y) => x.title.localeCompare(y.title)),
    );
    expect(ids).not.toContain(originals[0]!.id);
  });
});

describe("an import that runs out of time", () => {
  // SQLite's driver adapter does not enforce an interactive transaction's timeout; PostgreSQL's does.
  it.runIf(process.env.TEST_DATABASE_URL?.startsWith("postgres"))(
    "is a clear refusal, not a 500, and nothing is written",
    async () => {
      const { a, b } = await twoParties();
      const file = csvOf(Array.from({ length: 60 }, (_, i) => [`Slow ${i}`, "", "OTHER", "", a.slug, b.slug]));
      await expect(
        expectNothingChanged(() => applyGrievanceImport(SYSTEM, file, { timeoutMs: 20 })),
      ).rejects.toMatchObject({
        code: "PAYLOAD_TOO_LARGE",
        message: expect.stringContaining("was undone: nothing was created"),
      });
    },
  );
});

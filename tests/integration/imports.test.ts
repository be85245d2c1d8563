import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { GRIEVANCE_CSV_COLUMNS, grievanceToCsvRow } from "@/lib/csv/grievance-columns";
import { LIMITS } from "@/lib/schemas/common";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { getGrievanceOrThrow, listGrievances } from "@/lib/server/grievances";
import { applyGrievanceImport, IMPORTED_REASON, previewGrievanceImport } from "@/lib/server/imports";
import { deleteParty } from "@/lib/server/parties";
import { makeGrievance, makeParty, userActor } from "../support/factories";
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

  it("matches a party once however often a cell names it, never a deleted one, and refuses a name two parties share", async () => {
    const { a, b } = await twoParties();
    const gone = await makeParty();
    await deleteParty(SYSTEM, gone.slug);
    const twinA = await makeParty({ name: "Twin Republic", slug: "twin-a" });
    const twinB = await makeParty({ name: "Twin Republic", slug: "twin-b" });
    const file = csvOf([
      ["  Padded title  ", "", "OTHER", "", `${a.slug};${a.name.toUpperCase()};${a.slug}`, `${twinA.slug};${b.slug}`],
      ["Deleted party", "", "OTHER", "", a.slug, gone.slug],
      ["Shared name", "", "OTHER", "", "twin republic", b.slug],
    ]);
    const report = await previewGrievanceImport(SYSTEM, file);
    expect(report.errors).toEqual([
      { row: 3, column: "addressedTo", message: `Unknown party "${gone.slug}"` },
      { row: 4, column: "raisedBy", message: '"twin republic" names several parties (twin-a, twin-b); give the slug' },
    ]);
    expect(report.unknownParties).toEqual([gone.slug]);
    // The report's title is the cell's, trimmed as the grievance's will be.
    expect(report.rows[0]).toEqual({
      row: 2,
      title: "Padded title",
      category: "OTHER",
      status: "OPEN",
      raisedBy: [{ slug: a.slug, name: a.name, shortName: null }],
      addressedTo: [
        { slug: twinA.slug, name: "Twin Republic", shortName: null },
        { slug: b.slug, name: b.name, shortName: null },
      ],
      valid: true,
    });
    expect(twinB.slug).toBe("twin-b");
  });

  it("refuses a status outside the list, naming every status", async () => {
    const { a, b } = await twoParties();
    const report = await previewGrievanceImport(SYSTEM, csvOf([["T", "", "OTHER", "DONE", a.slug, b.slug]]));
    expect(report.errors).toEqual([
      {
        row: 2,
        column: "status",
        message: "Must be one of OPEN, IN_NEGOTIATION, PARTIALLY_RESOLVED, RESOLVED, STALLED, WITHDRAWN",
      },
    ]);
    expect(report.rows).toEqual([expect.objectContaining({ row: 2, status: null, valid: false })]);
  });

  it("numbers rows by the file's lines: an empty line or one of blank cells counts, but is no grievance", async () => {
    const { a, b } = await twoParties();
    const file = `${HEADER}\n\n  , ,\t,,  ,\nGood,,OTHER,,${a.slug},${b.slug}\nBad,,OTHER,,${a.slug},nowhere\n`;
    const report = await previewGrievanceImport(SYSTEM, file);
    expect(report.rows.map((r) => [r.row, r.title])).toEqual([
      [4, "Good"],
      [5, "Bad"],
    ]);
    expect(report.errors).toEqual([{ row: 5, column: "addressedTo", message: 'Unknown party "nowhere"' }]);
  });

  it("reads a header whose names are quoted behind the BOM or padded with spaces", async () => {
    const { a, b } = await twoParties();
    const quoted = `\uFEFF"title","category","raisedBy","addressedTo"\r\nQuoted,OTHER,${a.slug},${b.slug}\r\n`;
    expect(await previewGrievanceImport(SYSTEM, quoted)).toMatchObject({ errors: [], willCreate: 1 });
    const padded = ` title , category,raisedBy ,  addressedTo\nPadded,OTHER,${a.slug},${b.slug}\n`;
    expect(await previewGrievanceImport(SYSTEM, padded)).toMatchObject({ errors: [], willCreate: 1 });
  });

  it("reports a header's blank, unknown and repeated names in full, and reads no row", async () => {
    const { a, b } = await twoParties();
    const columns = "id, title, description, category, status, raisedBy, addressedTo, lastMovedAt, createdAt";
    const report = await previewGrievanceImport(
      SYSTEM,
      `title,,category,raisedBy,colour,addressedTo,title\nT,,OTHER,${a.slug},red,${b.slug},T\n`,
    );
    expect(report).toEqual({
      rows: [],
      errors: [
        { row: 1, column: "", message: `Unknown column ""; the columns are ${columns}` },
        { row: 1, column: "colour", message: `Unknown column "colour"; the columns are ${columns}` },
        { row: 1, column: "title", message: 'Column "title" appears twice' },
      ],
      unknownParties: [],
      willCreate: 0,
    });
  });

  it("refuses a first line of blank cells as an empty file, naming the columns", async () => {
    const message =
      "The file is empty; its first line must name the columns: id,title,description,category,status,raisedBy,addressedTo,lastMovedAt,createdAt";
    for (const file of ["", " , ,\t\nT,,OTHER,,a,b\n"]) {
      await expect(previewGrievanceImport(SYSTEM, file)).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        message,
        issues: [{ path: "file", message }],
      });
    }
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

  it("counts the limit in UTF-8 bytes: a file of exactly the limit is read, one byte more is not", async () => {
    const { a, b } = await twoParties();
    const head = `${HEADER}\nВизы,,OTHER,,${a.slug},${b.slug}\n`;
    // The rest is a line of spaces, which is no grievance.
    const atLimit = head + " ".repeat(LIMITS.importBytes - Buffer.byteLength(head));
    expect(Buffer.byteLength(atLimit)).toBe(1_000_000);
    expect(await previewGrievanceImport(SYSTEM, atLimit)).toMatchObject({ errors: [], willCreate: 1 });
    // The same number of characters, one of them two bytes long.
    const over = `${atLimit.slice(0, -1)}é`;
    await expect(previewGrievanceImport(SYSTEM, over)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message:
        "The file is 1,000,001 bytes; an import takes at most 1,000,000 bytes (1 MB). Split it into smaller files.",
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

  it("takes a file with CR-only line ends, a lone CR inside a cell a line break too", async () => {
    const { a, b } = await twoParties();
    const file = `${HEADER}\r"Old Mac file","Line one\rline two",OTHER,,${a.slug},${b.slug}\r`;
    const { ids } = await applyGrievanceImport(SYSTEM, file);
    const grievance = await getGrievanceOrThrow(SYSTEM, ids[0]!);
    expect(grievance).toMatchObject({ title: "Old Mac file", description: "Line one\nline two" });
    expect(grievance.history).toEqual([expect.objectContaining({ reason: "Imported from a CSV file" })]);
  });

  it("counts every problem in its refusal; a problem of the whole row is named by its row alone", async () => {
    const { a, b } = await twoParties();
    const file = `${HEADER}\nToo wide,,OTHER,,${a.slug},${b.slug},extra\nFine,,OTHER,,${a.slug},nowhere\n`;
    await expect(expectNothingChanged(() => applyGrievanceImport(userActor("admin"), file))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: "Nothing was imported: the file has 2 problems. The first, row 2: The row has 7 cells; the header has 6",
      issues: [
        { path: "rows.2", message: "The row has 7 cells; the header has 6" },
        { path: "rows.3.addressedTo", message: 'Unknown party "nowhere"' },
      ],
    });
  });

  it("lets a database error in time through as itself, not as the expiry", async () => {
    const { a, b } = await twoParties();
    // An admin with no user row behind it: the first revision's recordedBy has nothing to point to.
    const file = csvOf([["T", "", "OTHER", "", a.slug, b.slug]]);
    const error = await expectNothingChanged(() => applyGrievanceImport(userActor("admin"), file)).catch((e) => e);
    expect(error).toMatchObject({ code: "P2003" });
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
        message:
          "The import took longer than 0 s and was undone: nothing was created. Import the file in smaller parts.",
      });
    },
  );
});

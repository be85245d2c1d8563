import fc from "fast-check";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as grievanceOne from "@/app/api/v1/grievances/[id]/route";
import * as grievanceList from "@/app/api/v1/grievances/route";
import * as meetingOutcomes from "@/app/api/v1/meetings/[id]/outcomes/route";
import * as meetingList from "@/app/api/v1/meetings/route";
import * as partyList from "@/app/api/v1/parties/route";
import * as venueList from "@/app/api/v1/venues/route";
import { GrievanceTable } from "@/components/grievances/grievance-table";
import { SourceLine } from "@/components/grievances/source-line";
import { TimelineEntry } from "@/components/grievances/timeline-entry";
import { CitationList } from "@/components/meetings/citation-list";
import { MeetingsTable } from "@/components/meetings/meetings-table";
import { ParticipantsDetailed } from "@/components/meetings/participants";
import { LatestMeetings } from "@/components/overview/latest-meetings";
import { LatestMoves } from "@/components/overview/latest-moves";
import { UnsettledByParty } from "@/components/overview/unsettled-by-party";
import { PartiesTable } from "@/components/parties/parties-table";
import { VenuesTable } from "@/components/venues/venues-table";
import { SYSTEM } from "@/lib/server/authz";
import type { GrievanceSummary } from "@/lib/schemas/grievance";
import { getGrievanceOrThrow, listGrievances } from "@/lib/server/grievances";
import { getMeetingOrThrow, listMeetings } from "@/lib/server/meetings";
import { getOverview } from "@/lib/server/overview";
import { listParties } from "@/lib/server/parties";
import { listVenues } from "@/lib/server/venues";
import { seedDatabase } from "../support/factories";
import { getRequest, jsonRequest, params } from "../api/support";

// Hostile text the API accepts (it is valid text) must come out of the server components as text,
// never as markup; and the API hands it back as JSON strings, leaving escaping to the client.

const HOSTILE = {
  script: "<script>alert(1)</script>",
  img: '"><img src=x onerror=alert(1)>',
  svg: "<svg/onload=alert(1)>",
  attr: "' onmouseover='alert(1)' x='",
  close: "</textarea></title></style><script>alert(2)</script>",
  comment: "<!-- --><iframe src=javascript:alert(3)>",
  entity: "&lt;script&gt;alert(4)&lt;/script&gt;",
  template: "{{constructor.constructor('alert(5)')()}}",
  bidi: "\u202Egnp.exe <b>bold</b>",
} as const;

/** How React writes text and attribute values. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

/** Tags whose opening anywhere in the markup would mean hostile text became markup. */
const RAW_MARKUP = /<(script|img|svg|iframe|b|textarea|title|style)[\s/>]/i;

/**
 * Every opening tag's attributes. React double-quotes attribute values and writes a `"` inside one
 * as &quot;, so a value never holds a quote and a tag never holds a `>` outside its values.
 */
function attributesOf(markup: string): Array<{ tag: string; name: string; value: string }> {
  const found: Array<{ tag: string; name: string; value: string }> = [];
  for (const tag of markup.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"']+(?:="[^"]*")?)*)\s*\/?>/g)) {
    for (const attribute of tag[2]!.matchAll(/\s+([^\s=>"']+)(?:="([^"]*)")?/g)) {
      found.push({ tag: tag[1]!, name: attribute[1]!, value: attribute[2] ?? "" });
    }
  }
  return found;
}

/** No hostile tag, no comment, no event handler attribute and no script URL in the markup. */
function expectNoActiveMarkup(markup: string) {
  expect(markup).not.toMatch(RAW_MARKUP);
  expect(markup).not.toMatch(/<!--/);
  for (const { tag, name, value } of attributesOf(markup)) {
    expect(name, `<${tag} ${name}="${value}">`).not.toMatch(/^on/i);
    if (/^(href|src|action|formaction)$/i.test(name))
      expect(value.trim(), `<${tag} ${name}>`).not.toMatch(/^javascript:/i);
  }
  // The scanner saw the whole markup: every "<" starts a tag it parsed or a closing tag.
  const opening = [...markup.matchAll(/<[a-zA-Z]/g)].length;
  const parsed = [...markup.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"']+(?:="[^"]*")?)*)\s*\/?>/g)].length;
  expect(parsed).toBe(opening);
}

/** Asserts that each hostile text appears escaped and that no hostile tag or handler got into the markup. */
function expectEscaped(markup: string, texts: readonly string[]) {
  for (const text of texts) expect(markup, `escaped ${JSON.stringify(text)}`).toContain(escapeHtml(text));
  expectNoActiveMarkup(markup);
}

const render = (element: ReactElement) => renderToStaticMarkup(element);

async function post(call: (r: Request) => Promise<Response>, path: string, body: unknown) {
  const response = await call(jsonRequest("POST", path, body));
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return { response, text, json: JSON.parse(text) as Record<string, any> };
}

let grievanceId = "";
let meetingId = "";
let partySlug = "";

beforeAll(async () => {
  await seedDatabase();
  partySlug = (
    await post((r) => partyList.POST(r, params({})), "/api/v1/parties", {
      name: `Party ${HOSTILE.img}`,
      slug: "hostile-party",
      shortName: HOSTILE.svg,
    })
  ).json.slug;
  const venue = await post((r) => venueList.POST(r, params({})), "/api/v1/venues", {
    name: `Venue ${HOSTILE.script}`,
    slug: "hostile-venue",
    city: `City ${HOSTILE.attr}`,
    country: HOSTILE.entity,
    note: HOSTILE.comment,
  });
  meetingId = (
    await post((r) => meetingList.POST(r, params({})), "/api/v1/meetings", {
      title: `Round ${HOSTILE.script}`,
      date: "2025-05-01",
      status: "HELD",
      venue: venue.json.slug,
      summary: HOSTILE.close,
      participants: [
        { party: partySlug, role: "DELEGATION", headOfDelegation: `Envoy ${HOSTILE.img}` },
        { party: "russia", role: "HOST" },
      ],
    })
  ).json.id;
  grievanceId = (
    await post((r) => grievanceList.POST(r, params({})), "/api/v1/grievances", {
      title: HOSTILE.script,
      description: HOSTILE.img,
      category: "OTHER",
      raisedBy: [partySlug],
      addressedTo: ["russia"],
      citations: [{ quote: HOSTILE.close, source: `Source ${HOSTILE.svg}` }],
      // Before the round, so its move at the round is the timeline's last entry.
      raisedAt: "2025-04-01",
    })
  ).json.id;
  const moved = await grievanceOne.PATCH(
    jsonRequest("PATCH", `/api/v1/grievances/${grievanceId}`, {
      version: 1,
      status: "STALLED",
      reason: HOSTILE.img,
      meetingId,
    }),
    params({ id: grievanceId }),
  );
  expect(moved.status).toBe(200);
  const outcome = await meetingOutcomes.POST(
    jsonRequest("POST", `/api/v1/meetings/${meetingId}/outcomes`, { outcomes: [{ grievanceId, note: HOSTILE.attr }] }),
    params({ id: meetingId }),
  );
  expect(outcome.status).toBe(200);
});

describe("the API returns hostile text as JSON strings", () => {
  it("answers application/json whose strings hold the text exactly, for the client to escape", async () => {
    const response = await grievanceOne.GET(
      getRequest(`/api/v1/grievances/${grievanceId}`),
      params({ id: grievanceId }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json(;|$)/);
    const text = await response.text();
    // JSON, not HTML: the markup is inside string literals, quotes escaped by JSON itself.
    expect(text.trimStart().startsWith("{")).toBe(true);
    expect(text).toContain(JSON.stringify(HOSTILE.script));
    expect(text).toContain(JSON.stringify(HOSTILE.img));
    const body = JSON.parse(text) as Record<string, any>;
    expect(body.title).toBe(HOSTILE.script);
    expect(body.description).toBe(HOSTILE.img);
    expect(body.citations[0].quote).toBe(HOSTILE.close);
    expect(body.history.at(-1).reason).toBe(HOSTILE.img);
    expect(body.agenda[0].note).toBe(HOSTILE.attr);
  });

  it("answers lists and created records as JSON too", async () => {
    const list = await grievanceList.GET(getRequest("/api/v1/grievances?q=script"), params({}));
    expect(list.headers.get("content-type")).toMatch(/^application\/json(;|$)/);
    expect(((await list.json()) as { items: Array<{ title: string }> }).items.map((g) => g.title)).toContain(
      HOSTILE.script,
    );
    const created = await post((r) => grievanceList.POST(r, params({})), "/api/v1/grievances", {
      title: HOSTILE.svg,
      category: "OTHER",
      raisedBy: ["russia"],
      addressedTo: ["turkiye"],
    });
    expect(created.response.headers.get("content-type")).toMatch(/^application\/json(;|$)/);
    expect(created.json.title).toBe(HOSTILE.svg);
  });
});

describe("server components render hostile text escaped", () => {
  it("the grievance table", async () => {
    const { items } = await listGrievances(SYSTEM, {});
    const markup = render(createElement(GrievanceTable, { items, filters: {} }));
    expectEscaped(markup, [HOSTILE.script, `Round ${HOSTILE.script}`]);
  });

  it("a grievance's timeline entries, citations and sources", async () => {
    const detail = await getGrievanceOrThrow(SYSTEM, grievanceId);
    const timeline = render(
      createElement("ol", null, ...detail.history.map((item) => createElement(TimelineEntry, { key: item.id, item }))),
    );
    expectEscaped(timeline, [HOSTILE.img, `Round ${HOSTILE.script}`]);
    const citations = render(createElement(CitationList, { citations: detail.citations }));
    expectEscaped(citations, [HOSTILE.close, `Source ${HOSTILE.svg}`]);
    const source = render(
      createElement(SourceLine, {
        source: { title: HOSTILE.script, publisher: HOSTILE.img, url: null, publishedAt: null, note: HOSTILE.attr },
      }),
    );
    expectEscaped(source, [HOSTILE.script, HOSTILE.img, HOSTILE.attr]);
  });

  it("the overview's latest moves, latest meetings and parties", async () => {
    const overview = await getOverview(SYSTEM);
    expectEscaped(render(createElement(LatestMoves, { moves: overview.latestMoves })), [HOSTILE.script, HOSTILE.img]);
    expectEscaped(render(createElement(LatestMeetings, { meetings: overview.latestMeetings })), [
      `Round ${HOSTILE.script}`,
    ]);
    expectNoActiveMarkup(render(createElement(UnsettledByParty, { rows: overview.unsettledByParty })));
  });

  it("the meetings table, participants, parties and venues", async () => {
    const { items } = await listMeetings(SYSTEM, {});
    expectEscaped(render(createElement(MeetingsTable, { meetings: items, caption: HOSTILE.script })), [
      `Round ${HOSTILE.script}`,
      `Venue ${HOSTILE.script}`,
    ]);
    const meeting = await getMeetingOrThrow(SYSTEM, meetingId);
    expectEscaped(render(createElement(ParticipantsDetailed, { participants: meeting.participants })), [
      `Party ${HOSTILE.img}`,
    ]);
    expectEscaped(render(createElement(PartiesTable, { parties: await listParties(SYSTEM) })), [
      `Party ${HOSTILE.img}`,
      HOSTILE.svg,
    ]);
    expectEscaped(render(createElement(VenuesTable, { venues: await listVenues(SYSTEM) })), [
      `Venue ${HOSTILE.script}`,
    ]);
  });

  it("any markup-laden title, generated, renders as its escaped text", () => {
    const fragment = fc.constantFrom(
      ...Object.values(HOSTILE),
      "<",
      ">",
      "&",
      '"',
      "'",
      "</a>",
      '<a href="javascript:alert(1)">',
      "&amp;",
      "&#60;",
      "😀",
      " ",
    );
    const title = fc.array(fragment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(title, fc.string({ unit: "grapheme", maxLength: 8 }), (markupTitle, extra) => {
        const text = `${markupTitle}${extra}`;
        const item: GrievanceSummary = {
          id: "g1",
          title: text,
          description: text,
          category: "OTHER",
          status: "OPEN",
          version: 1,
          raisedBy: [{ slug: "a", name: text, shortName: text }],
          addressedTo: [{ slug: "b", name: "B", shortName: null }],
          lastMovedAt: "2025-05-01T00:00:00.000Z",
          lastMeeting: { id: "m1", title: text, date: null, status: "HELD" },
          createdAt: "2025-05-01T00:00:00.000Z",
          updatedAt: "2025-05-01T00:00:00.000Z",
          deletedAt: null,
        };
        const markup = render(createElement(GrievanceTable, { items: [item], filters: { q: text } }));
        expectEscaped(markup, [text]);
      }),
      { numRuns: 200 },
    );
  });
});

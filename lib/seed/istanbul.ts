// The seed: the Istanbul talks on embassy operations, from the editorial in
// ./istanbul-talks-editorial.txt (every quote below stands in it verbatim; a unit test checks)
// and, for what the editorial does not say, only the project's background facts with the
// sources they name and their uncertainty kept visible. Nothing here is invented.
import type { GrievanceCategory, GrievanceStatus, ParticipantRole, PartyKind } from "@/lib/schemas/enums";

export const EDITORIAL = {
  title: "Russia-US talks in Istanbul: Keeping the door slightly open",
} as const;

/** Notes kept on the sources that the seed names, shown to analysts with each citation. */
export const SOURCE_NOTES: Record<string, string> = {
  [EDITORIAL.title]:
    "The editorial the seed is built from. It names no publisher, author or date; it speaks of “the recent meeting”, taken to be the second round.",
};

export type SeedParty = { slug: string; name: string; shortName: string; kind: PartyKind };
export const PARTIES: SeedParty[] = [
  { slug: "united-states", name: "United States", shortName: "US", kind: "STATE" },
  { slug: "russia", name: "Russia", shortName: "RU", kind: "STATE" },
  { slug: "turkiye", name: "Türkiye", shortName: "TR", kind: "STATE" },
];

export type SeedVenue = { slug: string; name: string; city: string; country: string; note: string };
export const VENUES: SeedVenue[] = [
  {
    slug: "us-consul-general-residence-istanbul",
    name: "Residence of the US Consul General",
    city: "Istanbul",
    country: "Türkiye",
    note: "Reported in the Arnavutköy district. Residence: high confidence (TASS; Moscow Times); district: medium confidence (Turkish outlets).",
  },
  {
    slug: "russian-consulate-general-istanbul",
    name: "Russian Consulate General",
    city: "Istanbul",
    country: "Türkiye",
    note: "İstiklal Avenue, Beyoğlu (TASS).",
  },
];

export type SeedMeeting = {
  key: "round1" | "round2";
  title: string;
  date: string;
  venue: string;
  summary: string;
  quote: string;
  participants: Array<{ party: string; role: ParticipantRole; headOfDelegation?: string }>;
};

const US_HEAD =
  "Sonata Coulter, Deputy Assistant Secretary of State (State Department readout as quoted by Moscow Times, Kyiv Post)";
const RU_HEAD =
  "Alexander Darchiev, director of a Foreign Ministry department (its name is reported differently), then ambassador-designate (Meduza; Moscow Times; Hürriyet)";

export const MEETINGS: SeedMeeting[] = [
  {
    key: "round1",
    title: "Istanbul talks, 1st round",
    date: "2025-02-27",
    venue: "us-consul-general-residence-istanbul",
    summary:
      "First round on the work of the embassies, about six hours or more (TASS; Moscow Times; medium confidence). It followed the 12 Feb 2025 Trump–Putin phone call and the 18 Feb 2025 Rubio–Lavrov meeting in Riyadh, which agreed to address “irritants” (Hürriyet; Euromaidan Press). The US handed a note granting agrément for Darchiev as ambassador; “concrete initial steps” were identified and a follow-up agreed (Russian MFA; State Department). Türkiye hosted and is not a party to the talks; its foreign ministry confirmed the round and its readiness to host (Hürriyet).",
    quote: "It is notable that both sides chose to meet again in person.",
    participants: [
      { party: "united-states", role: "DELEGATION", headOfDelegation: US_HEAD },
      { party: "russia", role: "DELEGATION", headOfDelegation: RU_HEAD },
      { party: "turkiye", role: "HOST" },
    ],
  },
  {
    key: "round2",
    title: "Istanbul talks, 2nd round",
    date: "2025-04-10",
    venue: "russian-consulate-general-istanbul",
    summary:
      "Second round, about five and a half hours (TASS; others say 5 to 6). US readout: notes exchanged to finalize an agreement ensuring the stability of diplomatic banking; concerns reiterated about Russia's policy prohibiting employment of local staff (State Department, via Reuters). The Russian readout adds that the notes also covered paying Russia's contributions to UN budgets, that the sides agreed to develop a “roadmap” for returning the six properties (Russia's characterisation only: the roadmap is not in the US readout), work on easing visas and travel for diplomats, and that Russia pressed for direct flights (Russian MFA; TASS). This is taken to be the editorial's “recent meeting”. Aftermath: on 11 Jun 2025 Darchiev said Russia had handed the US a property roadmap and that future rounds would move to the capitals; on 16 Jun 2025 Zakharova said the next round was cancelled at the US side's initiative (TASS; Anadolu).",
    quote:
      "The recent meeting between U.S. and Russian officials in Istanbul was not about peace or political breakthroughs, but rather about function",
    participants: [
      { party: "united-states", role: "DELEGATION", headOfDelegation: US_HEAD },
      { party: "russia", role: "DELEGATION", headOfDelegation: RU_HEAD },
      { party: "turkiye", role: "HOST" },
    ],
  },
];

/** A step in a grievance's seeded timeline: an agenda note at a round, and maybe a move. */
export type SeedStep = { note: string; status?: GrievanceStatus; source: string };

export type SeedGrievance = {
  key: string;
  title: string;
  category: GrievanceCategory;
  raisedBy: string[];
  addressedTo: string[];
  description: string;
  quote: string;
  raised: { at: SeedMeeting["key"]; reason: string; source: string };
  /** What each round did about it, beyond raising it. */
  steps: Partial<Record<SeedMeeting["key"], SeedStep>>;
};

const STATE_DEPT_NOTE = "State Department media note";
const STATE_DEPT_READOUT = "State Department readout, via Reuters";
const ZAKHAROVA = "Russian MFA spokeswoman Zakharova, 28 Feb 2025";
const RU_READOUT = "Russian MFA; TASS";

export const GRIEVANCES: SeedGrievance[] = [
  {
    key: "local-staff",
    title: "Ban on hiring local staff",
    category: "LOCAL_STAFF",
    raisedBy: ["united-states"],
    addressedTo: ["russia"],
    description:
      "Russia bars the US mission from employing local staff. A decree of 23 Apr 2021 allowed limits on hiring by missions of “unfriendly” states; an order of 14 May 2021 put a total ban on the US, with a deadline of 1 Aug 2021, and the US let go 182 local employees (background facts, high confidence).",
    quote: "The United States raised concerns about Russia’s ban on hiring local staff.",
    raised: {
      at: "round2",
      reason: "Concerns reiterated about Russia's policy prohibiting employment of local staff.",
      source: STATE_DEPT_READOUT,
    },
    steps: {},
  },
  {
    key: "property",
    title: "Return of frozen diplomatic properties",
    category: "PROPERTY",
    raisedBy: ["russia"],
    addressedTo: ["united-states"],
    description:
      "Russia demands the return of diplomatic properties the US closed: two compounds on 29 Dec 2016 (Maryland Eastern Shore; Upper Brookville, New York, “Norwich House”); the San Francisco consulate general, a Washington chancery annex and a New York consular annex on 31 Aug 2017; the Seattle consulate and residence on 26 Mar 2018 (dates: high confidence). Russia speaks of six properties; which six it counts is uncertain.",
    quote: "Moscow, in turn, demanded the return of frozen diplomatic properties",
    raised: {
      at: "round1",
      reason: "Russia asked for the return of six diplomatic properties seized in 2016–2018.",
      source: ZAKHAROVA,
    },
    steps: {
      round2: {
        note: "Russia says the sides agreed to develop a “roadmap” for returning the six properties. Russian characterisation only: the roadmap is not in the US readout.",
        status: "IN_NEGOTIATION",
        source: RU_READOUT,
      },
    },
  },
  {
    key: "flights",
    title: "Restoration of direct flights",
    category: "FLIGHTS",
    raisedBy: ["russia"],
    addressedTo: ["united-states"],
    description:
      "Russia calls for direct flights between the two countries to resume. The US ban on Russian aircraft was announced on 1 Mar 2022 (background facts, high confidence).",
    quote: "called for the restoration of direct flights",
    raised: { at: "round1", reason: "Russia called for the restoration of direct flights.", source: ZAKHAROVA },
    steps: {
      round2: { note: "Russia pressed again for direct flights; no agreement is reported.", source: RU_READOUT },
    },
  },
  {
    key: "visas",
    title: "Slow or blocked visas for diplomats",
    category: "VISAS",
    raisedBy: ["united-states", "russia"],
    addressedTo: ["united-states", "russia"],
    description:
      "Both sides complain that their diplomats' visas are stalled for months or years (background facts, high confidence), which makes even routine diplomatic movement difficult.",
    quote: "slow or blocked visas",
    raised: {
      at: "round2",
      reason: "Visas and travel for diplomats were on the agenda of the second round.",
      source: RU_READOUT,
    },
    steps: {
      round2: {
        note: "The sides agreed to work on easing visas and travel for diplomats (Russian readout).",
        status: "IN_NEGOTIATION",
        source: RU_READOUT,
      },
    },
  },
  {
    key: "banking",
    title: "Banking hurdles under sanctions",
    category: "BANKING",
    raisedBy: ["united-states", "russia"],
    addressedTo: ["united-states", "russia"],
    description:
      "Both missions struggle to bank under sanctions. On 16 Mar 2022 a US bank froze the accounts of the Russian consulates in Houston and New York; on 10 Nov 2022 the US Treasury issued a general licence for missions' official business (background facts, high confidence).",
    quote: "banking hurdles due to sanctions",
    raised: {
      at: "round1",
      reason:
        "The US raised access to banking and contracted services; Russia raised uninterrupted financing of its missions.",
      source: `${STATE_DEPT_NOTE}; ${ZAKHAROVA}`,
    },
    steps: {
      round2: {
        note: "Notes exchanged to finalize an agreement ensuring the stability of diplomatic banking.",
        status: "PARTIALLY_RESOLVED",
        source: STATE_DEPT_READOUT,
      },
    },
  },
  {
    key: "staffing",
    title: "Limited embassy staff",
    category: "STAFFING",
    raisedBy: ["united-states", "russia"],
    addressedTo: ["united-states", "russia"],
    description:
      "Both embassies operate with limited staff. In July 2017 Russia ordered the US mission cut by 755, to 455 staff (background facts, high confidence).",
    quote: "operating with limited staff",
    raised: {
      at: "round1",
      reason: "The US raised stable and sustainable staffing of the US Embassy in Moscow.",
      source: STATE_DEPT_NOTE,
    },
    steps: {},
  },
];

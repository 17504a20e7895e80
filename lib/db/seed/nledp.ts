/**
 * The NLEDP roadmap as the Permanent Secretary's letter of 7 October 2021 gives it.
 * Descriptions and status lines are the letter's own words. Where the letter names the next step but
 * not the current phase (Property and Drivers expect beta in March 2022), the current phase is the one
 * before it (alpha), and the span says it is inferred. Dates keep the letter's precision: "March 2022" is a month, "1st Quarter 2022" a
 * quarter, "by the end of 2021" the year 2021. Nothing the letter does not say is invented: the 9
 * person products are not named; the letter gives no RAG status, so milestones and the three factors
 * are "not assessed", and factors have no owner.
 */
import type { DependencyStatus, MilestoneStatus, Period } from "@/lib/roadmap/types";
import { monthPeriod, quarterPeriod, yearPeriod } from "@/lib/dates/period";
import { LETTER_2021_10_07 } from "./letter";

export const NLEDP_SLUG = "nledp";

export const PROGRAMME = {
  slug: NLEDP_SLUG,
  name: "National Law Enforcement Data Programme",
  shortName: "NLEDP",
  department: "Home Office",
  description:
    "The programme replaces the Police National Computer (PNC) with the Law Enforcement Data Service (LEDS). " +
    "Its roadmap looks ahead 12 months and is updated each quarter.",
  lookaheadMonths: 12,
};

const BETA_AND_LIVE =
  "Build out the best option from alpha. Continue to learn and iterate by operating a product for real users.";

export const PHASES = [
  {
    key: "pre-discovery",
    name: "Pre-Discovery",
    description:
      "Mapping the existing system we're operating in, reviewing our existing knowledge - revealing the gaps in our current research",
    columnLabel: "Pre-Discovery",
    subColumnLabel: null,
  },
  {
    key: "discovery",
    name: "Discovery",
    description: "Ensuring that we understand the problem that needs to be solved. Before we commit to building something",
    columnLabel: "Discovery",
    subColumnLabel: null,
  },
  {
    key: "alpha",
    name: "Alpha",
    description: "Build an evidence base for the right approach. Test with real users. Prove or disprove our hypotheses.",
    columnLabel: "Alpha",
    subColumnLabel: null,
  },
  { key: "beta", name: "Beta", description: BETA_AND_LIVE, columnLabel: "Beta & Live", subColumnLabel: "Invite only" },
  { key: "live", name: "Live", description: BETA_AND_LIVE, columnLabel: "Beta & Live", subColumnLabel: "Available to all" },
] as const;

export type PhaseKey = (typeof PHASES)[number]["key"];

type SeedSpan = { phase: PhaseKey; start: Period | null; end: Period | null; note?: string };
type SeedMilestone = { title: string; phase: PhaseKey | null; forecast: Period; status: MilestoneStatus; notes?: string };

type SeedProduct = {
  slug: string;
  name: string;
  description: string;
  statusSummary: string;
  currentPhase: PhaseKey;
  plannedFamilySize?: number;
  spans: SeedSpan[];
  milestones: SeedMilestone[];
  rollout?: {
    observations: { observedOn: string; forcesLive: number; nationsCovered: Array<"England" | "Wales" | "Scotland" | "Northern Ireland">; note: string }[];
    targets: { target: Period; forcesCount: number }[];
  };
};

export const UPDATE_DATE = "2021-10-07";

const ALPHA_INFERRED = "Inferred: the letter gives the beta release date, not the current phase.";

export const PRODUCTS: SeedProduct[] = [
  {
    slug: "photographs-at-the-roadside",
    name: "Photographs at the Roadside",
    description: "Driver image from Driving Licence viewable on police-issued mobile devices.",
    statusSummary:
      "Already live in 22 police forces, with coverage in all four nations of the United Kingdom, and is expected to be live in a total of 38 by the end of 2021.",
    currentPhase: "live",
    spans: [{ phase: "live", start: null, end: null }],
    milestones: [
      { title: "Live in a total of 38 police forces", phase: "live", forecast: yearPeriod(2021), status: "not_assessed" },
    ],
    rollout: {
      observations: [
        {
          observedOn: UPDATE_DATE,
          forcesLive: 22,
          nationsCovered: ["England", "Wales", "Scotland", "Northern Ireland"],
          note: "As reported to the Public Accounts Committee on 7 October 2021.",
        },
      ],
      targets: [{ target: yearPeriod(2021), forcesCount: 38 }],
    },
  },
  {
    slug: "property",
    name: "Property",
    description: "An improved register of stolen property.",
    statusSummary: "Beta release planned for March 2022.",
    currentPhase: "alpha",
    spans: [
      { phase: "alpha", start: null, end: monthPeriod(2022, 2), note: ALPHA_INFERRED },
      { phase: "beta", start: monthPeriod(2022, 3), end: null },
    ],
    milestones: [{ title: "Beta release", phase: "beta", forecast: monthPeriod(2022, 3), status: "not_assessed" }],
  },
  {
    slug: "drivers",
    name: "Drivers",
    description: "Full DVLA driver information accessible at roadside including driver image.",
    statusSummary: "Builds on previous design work developed prior to reset, expected beta release in March 2022.",
    currentPhase: "alpha",
    spans: [
      { phase: "alpha", start: null, end: monthPeriod(2022, 2), note: ALPHA_INFERRED },
      { phase: "beta", start: monthPeriod(2022, 3), end: null },
    ],
    milestones: [{ title: "Beta release", phase: "beta", forecast: monthPeriod(2022, 3), status: "not_assessed" }],
  },
  {
    slug: "person",
    name: "Person",
    description:
      "More accessible compliant information about people of interest with automated alerts to new data - beginning with a focus on wanted people.",
    statusSummary:
      "Discovery/alpha phase for the first of a set of 9 person products to conclude during 1st Quarter 2022.",
    currentPhase: "discovery",
    plannedFamilySize: 9,
    spans: [
      { phase: "discovery", start: null, end: quarterPeriod(2022, 1), note: "The first of the 9 person products." },
      { phase: "alpha", start: null, end: quarterPeriod(2022, 1), note: "The first of the 9 person products." },
    ],
    milestones: [
      {
        title: "Discovery and alpha conclude for the first person product",
        phase: "alpha",
        forecast: quarterPeriod(2022, 1),
        status: "not_assessed",
        notes: "The first of a set of 9 person products; to conclude during 1st Quarter 2022.",
      },
    ],
  },
  {
    slug: "audit",
    name: "Audit",
    description: "Improved functionality supporting audit investigation underlying all products.",
    statusSummary:
      "Discovery and alpha work underway building on previous design and development work to support early releases.",
    currentPhase: "discovery",
    spans: [
      { phase: "discovery", start: null, end: null },
      { phase: "alpha", start: null, end: null },
    ],
    milestones: [],
  },
  {
    slug: "vehicles",
    name: "Vehicles",
    description: "Improved real-time access to DVLA data and supplementary information on vehicles.",
    statusSummary: "Pre-discovery phase expected to conclude by end of 2021.",
    currentPhase: "pre-discovery",
    spans: [{ phase: "pre-discovery", start: null, end: yearPeriod(2021) }],
    milestones: [{ title: "Pre-discovery concludes", phase: "pre-discovery", forecast: yearPeriod(2021), status: "not_assessed" }],
  },
];

export const FACTORS: { title: string; description: string; status: DependencyStatus }[] = [
  {
    title: "Successful pilot of 2 way replication of data between the LEDS environment and PNC",
    description:
      "This allows both systems to be run in parallel supporting multi-speed adoption rather than a 'big bang' approach.",
    status: "not_assessed",
  },
  {
    title: "A robust approach and plan for the adoption of products by policing and other agencies",
    description: "",
    status: "not_assessed",
  },
  { title: "A secure and flexible platform able to support agile development", description: "", status: "not_assessed" },
];

export const FIRST_UPDATE = {
  slug: "2021-q4",
  year: 2021,
  quarter: 4,
  title: "NLEDP product roadmap, October 2021",
  coveringText: LETTER_2021_10_07,
  publishedOn: UPDATE_DATE,
  // The letter gives the day, not the hour: midnight in London on that day.
  publishedAt: new Date("2021-10-06T23:00:00Z"),
  publishedByName: "Matthew Rycroft, Permanent Secretary, Home Office",
};

import type { Day } from "../dates.js";
import { fyStart } from "../finance/financial-years.js";
import { Rng } from "../random/rng.js";
import type {
  BlockContract,
  ChildrensHome,
  FosterHousehold,
  FrameworkMembership,
  Specialism,
  SupplyRegister,
  Term,
} from "./register.js";

/**
 * A made-up supply register for a synthetic council, to demonstrate and test
 * costs, supply and the gap. Nothing here describes a real council. The
 * sizes follow the synthetic 903 returns (src/core/synthetic): about 29% of
 * children in care are in in-house foster care, placed at about 84%
 * occupancy (Ofsted: 16% of places vacant) in households of 1.65 places on
 * average (Ofsted: 70,465 places in 42,615 households); about 9% of
 * households deregister each year (Bromley: 9 of 101 in 2021/22) and
 * approvals replace them. Connected-person carers (approved for a child
 * they know, about 16% of children in care) come and go faster (30% a year).
 */
export interface RegisterOptions {
  council: string;
  /** Children looked after on a day (as for generateCouncil). */
  childrenInCare: number;
  /** Last financial year of the register's history (records run to its end). */
  to: number;
  seed: number;
  /** Years of approvals before `to` (default 20). */
  years?: number;
}

const MAINSTREAM_SHARE_OF_CIC = 0.29;
const OCCUPANCY = 0.84;
const DEREGISTRATION_RATE = 0.09;
const CONNECTED_RATE = 0.3;
/** Children in connected-person foster care, as a share of children in care (the synthetic returns: about 16%). */
const CONNECTED_SHARE_OF_CIC = 0.16;

const PLACES = [1, 2, 3];
const PLACE_WEIGHTS = [50, 35, 15];
const TERM_LIST: Term[] = ["long_term", "short_term", "any"];
const TERM_WEIGHTS = [35, 45, 20];
const AGE_RANGES: Array<[number, number]> = [
  [0, 17],
  [0, 10],
  [5, 17],
  [11, 17],
  [0, 4],
];
const AGE_WEIGHTS = [40, 20, 20, 15, 5];
const SPECIALISM_CHANCE: Array<[Specialism, number]> = [
  ["parent_child", 0.05],
  ["disability", 0.06],
  ["complex_needs", 0.05],
  ["emergency", 0.04],
  ["respite", 0.08],
  ["remand", 0.02],
];
const REASONS = [
  "retired",
  "resigned",
  "transferred to an agency",
  "special guardianship of the child placed",
  "moved away",
  "standards of care",
  "other",
];
const REASON_WEIGHTS = [30, 25, 15, 10, 10, 5, 5];
const RATINGS = ["outstanding", "good", "requires_improvement", "inadequate"] as const;
const RATING_WEIGHTS = [20, 62, 15, 3];

export function generateRegister(o: RegisterOptions): SupplyRegister {
  const rng = new Rng(o.seed ^ 0x5a17);
  const years = o.years ?? 20;
  const first = fyStart(o.to - years + 1);
  const end = fyStart(o.to + 1);
  const mainTarget = Math.max(3, Math.round((o.childrenInCare * MAINSTREAM_SHARE_OF_CIC) / OCCUPANCY / 1.65));
  const households: FosterHousehold[] = [];
  let n = 0;
  const day = (from: Day, to: Day) => from + rng.int(Math.max(1, to - from));
  // Time approved is exponential (memoryless), so a household already approved when the register
  // starts has the same expected time left as a new one: its time left counts from `from`.
  const make = (kind: "mainstream" | "connected", approved: Day, rate: number, from: Day = approved) => {
    n += 1;
    const life = rng.exponential(365.25 / rate);
    const leaves = from + Math.max(30, Math.round(life));
    const places = kind === "connected" ? rng.pick([1, 2], [80, 20]) : rng.pick(PLACES, PLACE_WEIGHTS);
    const [ageMin, ageMax] = rng.pick(AGE_RANGES, AGE_WEIGHTS);
    households.push({
      council: o.council,
      id: `H${String(n).padStart(4, "0")}`,
      kind,
      approved,
      deregistered: leaves < end ? leaves : null,
      deregistrationReason: leaves < end ? rng.pick(REASONS, REASON_WEIGHTS) : "",
      places,
      ageMin,
      ageMax,
      siblingCapacity: Math.min(places, rng.pick([1, 2, 3], [45, 40, 15])),
      term: kind === "connected" ? "any" : rng.pick(TERM_LIST, TERM_WEIGHTS),
      specialisms:
        kind === "connected" ? [] : SPECIALISM_CHANCE.filter(([, p]) => rng.chance(p)).map(([s]) => s),
      area: rng.chance(0.75) ? "in area" : "out of area",
    });
  };
  // Households already approved when the register starts (approved over the years before it), then
  // Poisson approvals each year at the rate that keeps the number steady.
  for (let i = 0; i < mainTarget; i++)
    make("mainstream", first - 1 - rng.int(365 * 8), DEREGISTRATION_RATE, first);
  const connTarget = Math.max(1, Math.round((o.childrenInCare * CONNECTED_SHARE_OF_CIC) / 0.9 / 1.2));
  for (let i = 0; i < connTarget; i++) make("connected", first - 1 - rng.int(365 * 3), CONNECTED_RATE, first);
  for (let y = o.to - years + 1; y <= o.to; y++) {
    const from = fyStart(y);
    const to = fyStart(y + 1);
    const a = rng.poisson(mainTarget * DEREGISTRATION_RATE);
    for (let i = 0; i < a; i++) make("mainstream", day(from, to), DEREGISTRATION_RATE);
    const c = rng.poisson(connTarget * CONNECTED_RATE);
    for (let i = 0; i < c; i++) make("connected", day(from, to), CONNECTED_RATE);
  }
  households.sort((a, b) => a.approved - b.approved || a.id.localeCompare(b.id));

  // The synthetic returns place about 1.7% of children in care in the council's own children's homes.
  const beds = Math.max(4, Math.round(o.childrenInCare * 0.02));
  const homes: ChildrensHome[] = [];
  for (let i = 0, left = beds; left > 0; i++) {
    const b = Math.min(left, rng.pick([3, 4, 5], [30, 50, 20]));
    left -= b;
    homes.push({
      council: o.council,
      id: `CH${String(i + 1).padStart(2, "0")}`,
      name: `Children's home ${i + 1}`,
      urn: `SC${String(900000 + rng.int(99999)).padStart(6, "0")}`,
      beds: b,
      ofstedRating: rng.pick(RATINGS, RATING_WEIGHTS),
      registered: first - rng.int(365 * 10),
      closed: null,
    });
  }
  const contract = (
    id: string,
    provider: string,
    category: BlockContract["category"],
    places: number,
    weeklyPrice: number,
  ): BlockContract => ({
    council: o.council,
    id,
    provider,
    category,
    places: Math.max(1, places),
    weeklyPrice,
    start: fyStart(o.to - 1),
    end: fyStart(o.to + 3),
  });
  const blocks: BlockContract[] = [
    contract("B1", "Fostering agency A", "agency_fostering", Math.round(o.childrenInCare * 0.01), 860),
    contract("B2", "Residential provider B", "childrens_home", Math.round(o.childrenInCare * 0.003), 5600),
    contract(
      "B3",
      "Supported housing provider C",
      "supported_accommodation",
      Math.round(o.childrenInCare * 0.01),
      700,
    ),
  ];
  const frameworks: FrameworkMembership[] = [
    fw(o.council, "F1", "Regional fostering framework", "framework", ["agency_fostering"], fyStart(o.to - 5)),
    fw(
      o.council,
      "F2",
      "Residential dynamic purchasing system",
      "dps",
      ["childrens_home"],
      fyStart(o.to - 4),
    ),
    fw(
      o.council,
      "F3",
      "16+ supported accommodation DPS",
      "dps",
      ["supported_accommodation"],
      fyStart(o.to - 3),
    ),
  ];
  return { council: o.council, households, homes, blocks, frameworks };
}

function fw(
  council: string,
  id: string,
  name: string,
  kind: "framework" | "dps",
  categories: FrameworkMembership["categories"],
  start: Day,
): FrameworkMembership {
  return { council, id, name, kind, categories, start, end: null };
}

import type { TripType } from '../../src/models/flight-request.js';
import type { MetadataIssueCode } from '../../src/metadata/index.js';

/**
 * Real-looking broker phrasings and exactly what the rule parser must read from each. Unless a
 * case says otherwise, "now" is 2026-12-01 (a Tuesday) in America/New_York.
 * Legs are `[from, to, date, time]`; `issues` lists issue codes in reading order; `cities` are
 * the cities of the route's stops (first departure, then each arrival).
 */
export interface BrokerPhrasing {
  readonly text: string;
  readonly reference?: { readonly referenceDate: string; readonly timeZone: string };
  readonly kind: 'flight_request' | 'general';
  readonly tripType: TripType | null;
  readonly legs: ReadonlyArray<readonly [string, string, string | null, string | null]>;
  readonly passengers: number | null;
  readonly issues: readonly MetadataIssueCode[];
  readonly title: string;
  readonly cities?: readonly string[];
}

/** The reference every case without its own uses. */
export const DEFAULT_REFERENCE = { referenceDate: '2026-12-01', timeZone: 'America/New_York' } as const;

export const BROKER_PHRASINGS: readonly BrokerPhrasing[] = [
  // Codes, every separator: dash, en and em dash, arrows, "to", ">", "/"
  {"text":"TEB-VNY Dec 12, 6 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":6,"issues":[],"title":"TEB → VNY · 12 Dec · 6 pax"},
  {"text":"TEB – VNY 12/12 4 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":4,"issues":[],"title":"TEB → VNY · 12 Dec · 4 pax"},
  {"text":"TEB → VNY on Dec 12 for 2 passengers","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":2,"issues":[],"title":"TEB → VNY · 12 Dec · 2 pax"},
  {"text":"TEB > VNY 12 December, 3 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":3,"issues":[],"title":"TEB → VNY · 12 Dec · 3 pax"},
  {"text":"TEB to VNY Dec 12 6 pax, back on the 15th","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2026-12-15",null]],"passengers":6,"issues":[],"title":"TEB ⇄ VNY · 12–15 Dec · 6 pax"},
  {"text":"KTEB-KVNY 12/15 at 9am, 4 pax","kind":"flight_request","tripType":"one_way","legs":[["KTEB","KVNY","2026-12-15","09:00"]],"passengers":4,"issues":[],"title":"KTEB → KVNY · 15 Dec · 4 pax","cities":["Teterboro","Van Nuys"]},
  {"text":"KTEB to VNY tomorrow 5 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-02",null]],"passengers":5,"issues":[],"title":"TEB → VNY · 2 Dec · 5 pax"},
  {"text":"teb to vny dec 12 6 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":6,"issues":[],"title":"TEB → VNY · 12 Dec · 6 pax"},
  {"text":"TEB->VNY 2026-12-15 7 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-15",null]],"passengers":7,"issues":[],"title":"TEB → VNY · 15 Dec · 7 pax"},
  {"text":"HPN => PBI Dec 19 at 10:30, 4 pax","kind":"flight_request","tripType":"one_way","legs":[["HPN","PBI","2026-12-19","10:30"]],"passengers":4,"issues":[],"title":"HPN → PBI · 19 Dec · 4 pax"},
  {"text":"EGGW → LFMN 15 Dec 2026, 8 passengers","kind":"flight_request","tripType":"one_way","legs":[["EGGW","LFMN","2026-12-15",null]],"passengers":8,"issues":[],"title":"EGGW → LFMN · 15 Dec · 8 pax","cities":["London","Nice"]},
  {"text":"TEB/VNY Dec 12 2 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":2,"issues":[],"title":"TEB → VNY · 12 Dec · 2 pax"},
  {"text":"TEB—MIA 12/20 noon, 5 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","MIA","2026-12-20","12:00"]],"passengers":5,"issues":[],"title":"TEB → MIA · 20 Dec · 5 pax"},

  // Airport and city names; names several airports answer to
  {"text":"Teterboro to Van Nuys Dec 12, 6 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":6,"issues":[],"title":"TEB → VNY · 12 Dec · 6 pax","cities":["Teterboro","Van Nuys"]},
  {"text":"White Plains to Palm Beach Friday, 4 pax","kind":"flight_request","tripType":"one_way","legs":[["HPN","PBI","2026-12-04",null]],"passengers":4,"issues":[],"title":"HPN → PBI · 4 Dec · 4 pax","cities":["White Plains","West Palm Beach"]},
  {"text":"London Luton to Nice 15 December, party of 4","kind":"flight_request","tripType":"one_way","legs":[["LTN","NCE","2026-12-15",null]],"passengers":4,"issues":[],"title":"LTN → NCE · 15 Dec · 4 pax","cities":["London","Nice"]},
  {"text":"From Le Bourget to Geneva tomorrow morning, 3 pax","kind":"flight_request","tripType":"one_way","legs":[["LBG","GVA","2026-12-02",null]],"passengers":3,"issues":["imprecise_time"],"title":"LBG → GVA · 2 Dec · 3 pax","cities":["Paris","Geneva"]},
  {"text":"Farnborough - Nice, Dec 18, 10 passengers","kind":"flight_request","tripType":"one_way","legs":[["FAB","NCE","2026-12-18",null]],"passengers":10,"issues":[],"title":"FAB → NCE · 18 Dec · 10 pax","cities":["Farnborough","Nice"]},
  {"text":"Van Nuys to Aspen Dec 20 at 8am 6 pax","kind":"flight_request","tripType":"one_way","legs":[["VNY","ASE","2026-12-20","08:00"]],"passengers":6,"issues":[],"title":"VNY → ASE · 20 Dec · 6 pax"},
  {"text":"Westchester to Nantucket Dec 5, 2 pax","kind":"flight_request","tripType":"one_way","legs":[["HPN","ACK","2026-12-05",null]],"passengers":2,"issues":[],"title":"HPN → ACK · 5 Dec · 2 pax","cities":["White Plains","Nantucket"]},
  {"text":"Heathrow to Teterboro Dec 10 at 2pm, 9 pax","kind":"flight_request","tripType":"one_way","legs":[["LHR","TEB","2026-12-10","14:00"]],"passengers":9,"issues":[],"title":"LHR → TEB · 10 Dec · 9 pax"},
  {"text":"Miami to Teterboro Dec 9 4 pax","kind":"flight_request","tripType":"one_way","legs":[["MIA","TEB","2026-12-09",null]],"passengers":4,"issues":["assumed_airport"],"title":"MIA → TEB · 9 Dec · 4 pax"},
  {"text":"Las Vegas to Van Nuys Dec 4, 2 pax","kind":"flight_request","tripType":"one_way","legs":[["LAS","VNY","2026-12-04",null]],"passengers":2,"issues":["assumed_airport"],"title":"LAS → VNY · 4 Dec · 2 pax"},
  {"text":"Opa-Locka to Teterboro Dec 11 5 pax","kind":"flight_request","tripType":"one_way","legs":[["OPF","TEB","2026-12-11",null]],"passengers":5,"issues":[],"title":"OPF → TEB · 11 Dec · 5 pax","cities":["Miami","Teterboro"]},
  {"text":"St Barths to Teterboro Jan 2, 6 pax","kind":"flight_request","tripType":"one_way","legs":[["SBH","TEB","2027-01-02",null]],"passengers":6,"issues":[],"title":"SBH → TEB · 2 Jan · 6 pax","cities":["Gustavia / Saint-Jean","Teterboro"]},
  {"text":"Cabo to Van Nuys Dec 27 8 pax","kind":"flight_request","tripType":"one_way","legs":[["SJD","VNY","2026-12-27",null]],"passengers":8,"issues":[],"title":"SJD → VNY · 27 Dec · 8 pax"},
  {"text":"Olbia to Nice Dec 14, 4 pax","kind":"flight_request","tripType":"one_way","legs":[["OLB","NCE","2026-12-14",null]],"passengers":4,"issues":[],"title":"OLB → NCE · 14 Dec · 4 pax"},

  // Dates: relative, ordinal, weekday checks, numeric orders, ranges, the past
  {"text":"TEB-VNY today 3 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-01",null]],"passengers":3,"issues":[],"title":"TEB → VNY · 1 Dec · 3 pax"},
  {"text":"TEB-VNY tomorrow at 7:15 3 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-02","07:15"]],"passengers":3,"issues":[],"title":"TEB → VNY · 2 Dec · 3 pax"},
  {"text":"TEB-VNY next Friday 3 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-04",null]],"passengers":3,"issues":[],"title":"TEB → VNY · 4 Dec · 3 pax"},
  {"text":"TEB-VNY on the 15th, 2 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-15",null]],"passengers":2,"issues":[],"title":"TEB → VNY · 15 Dec · 2 pax"},
  {"text":"TEB-VNY Fri Dec 4 2 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-04",null]],"passengers":2,"issues":[],"title":"TEB → VNY · 4 Dec · 2 pax"},
  {"text":"TEB-VNY Sat Dec 4","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY",null,null]],"passengers":null,"issues":["weekday_mismatch"],"title":"TEB → VNY"},
  {"text":"TEB-VNY Feb 30, 2 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY",null,null]],"passengers":2,"issues":["invalid_date"],"title":"TEB → VNY · 2 pax"},
  {"text":"TEB-VNY 12/11 4 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-11",null]],"passengers":4,"issues":["ambiguous_date"],"title":"TEB → VNY · 11 Dec · 4 pax"},
  {"text":"TEB-VNY 15/12 4 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-15",null]],"passengers":4,"issues":[],"title":"TEB → VNY · 15 Dec · 4 pax"},
  {"text":"TEB-VNY 15.12.2026 4 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-15",null]],"passengers":4,"issues":[],"title":"TEB → VNY · 15 Dec · 4 pax"},
  {"text":"TEB-VNY Dec 12 2025","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY",null,null]],"passengers":null,"issues":["date_in_past"],"title":"TEB → VNY"},
  {"text":"TEB-VNY in 3 days 2 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-04",null]],"passengers":2,"issues":[],"title":"TEB → VNY · 4 Dec · 2 pax"},
  {"text":"TEB-VNY day after tomorrow","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-03",null]],"passengers":null,"issues":[],"title":"TEB → VNY · 3 Dec"},
  {"text":"TEB-VNY Dec 12-15 6 pax","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2026-12-15",null]],"passengers":6,"issues":[],"title":"TEB ⇄ VNY · 12–15 Dec · 6 pax"},
  {"text":"TEB-VNY 12-15 Dec 6 pax","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2026-12-15",null]],"passengers":6,"issues":[],"title":"TEB ⇄ VNY · 12–15 Dec · 6 pax"},
  {"text":"TEB-VNY 12/12 - 12/15 4 pax","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2026-12-15",null]],"passengers":4,"issues":[],"title":"TEB ⇄ VNY · 12–15 Dec · 4 pax"},

  // Year end: reference Dec 28, 2026 (and an instant read in two time zones)
  {"text":"TEB-MIA Dec 30, back Jan 3, 4 pax","reference":{"referenceDate":"2026-12-28","timeZone":"America/New_York"},"kind":"flight_request","tripType":"round_trip","legs":[["TEB","MIA","2026-12-30",null],["MIA","TEB","2027-01-03",null]],"passengers":4,"issues":[],"title":"TEB ⇄ MIA · 30 Dec – 3 Jan · 4 pax"},
  {"text":"TEB-MIA Jan 3 4 pax","reference":{"referenceDate":"2026-12-28","timeZone":"America/New_York"},"kind":"flight_request","tripType":"one_way","legs":[["TEB","MIA","2027-01-03",null]],"passengers":4,"issues":[],"title":"TEB → MIA · 3 Jan · 4 pax"},
  {"text":"TEB-MIA Dec 31 at 23:30, return Jan 1 at noon","reference":{"referenceDate":"2026-12-28","timeZone":"America/New_York"},"kind":"flight_request","tripType":"round_trip","legs":[["TEB","MIA","2026-12-31","23:30"],["MIA","TEB","2027-01-01","12:00"]],"passengers":null,"issues":[],"title":"TEB ⇄ MIA · 31 Dec – 1 Jan"},
  {"text":"TEB-ASE on the 2nd 6 pax","reference":{"referenceDate":"2026-12-28","timeZone":"America/New_York"},"kind":"flight_request","tripType":"one_way","legs":[["TEB","ASE","2027-01-02",null]],"passengers":6,"issues":[],"title":"TEB → ASE · 2 Jan · 6 pax"},
  {"text":"TEB-ASE next Monday","reference":{"referenceDate":"2026-12-28","timeZone":"America/New_York"},"kind":"flight_request","tripType":"one_way","legs":[["TEB","ASE","2027-01-04",null]],"passengers":null,"issues":[],"title":"TEB → ASE · 4 Jan"},
  {"text":"TEB-PBI 12/30, PBI-TEB 1/4, 3 pax","reference":{"referenceDate":"2026-12-28","timeZone":"America/New_York"},"kind":"flight_request","tripType":"round_trip","legs":[["TEB","PBI","2026-12-30",null],["PBI","TEB","2027-01-04",null]],"passengers":3,"issues":["ambiguous_date"],"title":"TEB ⇄ PBI · 30 Dec – 4 Jan · 3 pax"},
  {"text":"TEB-VNY Dec 27","reference":{"referenceDate":"2026-12-28","timeZone":"America/New_York"},"kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2027-12-27",null]],"passengers":null,"issues":["ambiguous_date"],"title":"TEB → VNY · 27 Dec"},
  {"text":"TEB-VNY tomorrow","reference":{"referenceDate":"2026-12-31T23:30:00-05:00","timeZone":"America/New_York"},"kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2027-01-01",null]],"passengers":null,"issues":[],"title":"TEB → VNY · 1 Jan"},
  {"text":"TEB-VNY tomorrow","reference":{"referenceDate":"2026-12-31T23:30:00-05:00","timeZone":"Europe/London"},"kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2027-01-02",null]],"passengers":null,"issues":[],"title":"TEB → VNY · 2 Jan"},

  // Times
  {"text":"TEB-VNY Dec 12 at 9","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":null,"issues":["ambiguous_time"],"title":"TEB → VNY · 12 Dec"},
  {"text":"TEB-VNY Dec 12 25:00","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":null,"issues":["invalid_time"],"title":"TEB → VNY · 12 Dec"},
  {"text":"TEB-VNY Dec 12 1400 hrs 3 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12","14:00"]],"passengers":3,"issues":[],"title":"TEB → VNY · 12 Dec · 3 pax"},
  {"text":"TEB-VNY Dec 12 at 9:30pm, back Dec 14 at 8am","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12","21:30"],["VNY","TEB","2026-12-14","08:00"]],"passengers":null,"issues":[],"title":"TEB ⇄ VNY · 12–14 Dec"},
  {"text":"TEB-MIA-TEB Dec 28 / Jan 2 at 3pm","kind":"flight_request","tripType":"round_trip","legs":[["TEB","MIA","2026-12-28",null],["MIA","TEB","2027-01-02","15:00"]],"passengers":null,"issues":[],"title":"TEB ⇄ MIA · 28 Dec – 2 Jan"},

  // Passengers
  {"text":"TEB-VNY Dec 12, six passengers","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":6,"issues":[],"title":"TEB → VNY · 12 Dec · 6 pax"},
  {"text":"TEB-VNY Dec 12, party of 4","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":4,"issues":[],"title":"TEB → VNY · 12 Dec · 4 pax"},
  {"text":"TEB-VNY Dec 12, 4 adults + 2 kids","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":6,"issues":[],"title":"TEB → VNY · 12 Dec · 6 pax"},
  {"text":"TEB-VNY Dec 12 pax: 8","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":8,"issues":[],"title":"TEB → VNY · 12 Dec · 8 pax"},
  {"text":"TEB-VNY Dec 12, 0 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":null,"issues":["passengers_out_of_range"],"title":"TEB → VNY · 12 Dec"},
  {"text":"TEB-VNY Dec 12, 1200 passengers","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":null,"issues":["passengers_out_of_range"],"title":"TEB → VNY · 12 Dec"},
  {"text":"TEB-VNY Dec 12, 6 pax... actually make that 8 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":null,"issues":["conflicting_passengers"],"title":"TEB → VNY · 12 Dec"},
  {"text":"TEB-VNY Dec 12, 8 pax (6 adults, 2 children)","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":8,"issues":[],"title":"TEB → VNY · 12 Dec · 8 pax"},
  {"text":"TEB-VNY Dec 12, just the 2 of us","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":2,"issues":[],"title":"TEB → VNY · 12 Dec · 2 pax"},

  // Trip types: one way, round trip, return words, multi-leg chains, via, then
  {"text":"One-way TEB to VNY Dec 12, 4 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":4,"issues":[],"title":"TEB → VNY · 12 Dec · 4 pax"},
  {"text":"Round trip TEB-VNY Dec 12-15 6 pax","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2026-12-15",null]],"passengers":6,"issues":[],"title":"TEB ⇄ VNY · 12–15 Dec · 6 pax"},
  {"text":"RT HPN-PBI Dec 18-22, 2 pax","kind":"flight_request","tripType":"round_trip","legs":[["HPN","PBI","2026-12-18",null],["PBI","HPN","2026-12-22",null]],"passengers":2,"issues":[],"title":"HPN ⇄ PBI · 18–22 Dec · 2 pax"},
  {"text":"TEB to VNY and back, Dec 12, 4 pax","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB",null,null]],"passengers":4,"issues":[],"title":"TEB ⇄ VNY · 12 Dec · 4 pax"},
  {"text":"TEB to VNY Dec 12, returning Dec 15","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2026-12-15",null]],"passengers":null,"issues":[],"title":"TEB ⇄ VNY · 12–15 Dec"},
  {"text":"TEB-MIA Dec 12 same day return 2 pax","kind":"flight_request","tripType":"round_trip","legs":[["TEB","MIA","2026-12-12",null],["MIA","TEB","2026-12-12",null]],"passengers":2,"issues":[],"title":"TEB ⇄ MIA · 12 Dec · 2 pax"},
  {"text":"one way TEB-VNY Dec 12, back Dec 15","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2026-12-15",null]],"passengers":null,"issues":["conflicting_trip_type"],"title":"TEB ⇄ VNY · 12–15 Dec"},
  {"text":"Multi-leg: TEB-MIA Dec 12, MIA-VNY Dec 14, VNY-TEB Dec 16, 4 pax","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","MIA","2026-12-12",null],["MIA","VNY","2026-12-14",null],["VNY","TEB","2026-12-16",null]],"passengers":4,"issues":[],"title":"TEB → MIA → VNY → TEB · 12–16 Dec · 4 pax"},
  {"text":"TEB to MIA Dec 12 then to VNY Dec 14 then back to TEB Dec 16, 4 pax","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","MIA","2026-12-12",null],["MIA","VNY","2026-12-14",null],["VNY","TEB","2026-12-16",null]],"passengers":4,"issues":[],"title":"TEB → MIA → VNY → TEB · 12–16 Dec · 4 pax"},
  {"text":"TEB-MIA-TEB Dec 28 / Jan 2, 8 pax","kind":"flight_request","tripType":"round_trip","legs":[["TEB","MIA","2026-12-28",null],["MIA","TEB","2027-01-02",null]],"passengers":8,"issues":[],"title":"TEB ⇄ MIA · 28 Dec – 2 Jan · 8 pax"},
  {"text":"TEB → VNY → LAS Dec 12 3 pax","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","VNY","2026-12-12",null],["VNY","LAS",null,null]],"passengers":3,"issues":[],"title":"TEB → VNY → LAS · 12 Dec · 3 pax"},
  {"text":"TEB to LAS via DEN Dec 12, 3 pax","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","DEN","2026-12-12",null],["DEN","LAS",null,null]],"passengers":3,"issues":[],"title":"TEB → DEN → LAS · 12 Dec · 3 pax"},
  {"text":"TEB-MIA Dec 12, OPF-VNY Dec 14","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","MIA","2026-12-12",null],["OPF","VNY","2026-12-14",null]],"passengers":null,"issues":[],"title":"TEB → MIA, OPF → VNY · 12–14 Dec"},
  {"text":"Teterboro → Van Nuys → Las Vegas, Dec 12, then back to TEB on the 16th","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","VNY","2026-12-12",null],["VNY","LAS",null,null],["LAS","TEB","2026-12-16",null]],"passengers":null,"issues":["assumed_airport"],"title":"TEB → VNY → LAS → TEB · 12–16 Dec"},

  // Invalid or incomplete input
  {"text":"Need a jet to Aspen Dec 20, 4 pax","kind":"flight_request","tripType":"one_way","legs":[],"passengers":4,"issues":["incomplete_route"],"title":"Flight request · 4 pax"},
  {"text":"London to Nice Dec 20, 4 pax","kind":"flight_request","tripType":"one_way","legs":[],"passengers":4,"issues":["ambiguous_airport"],"title":"Flight request · 4 pax"},
  {"text":"Gstaad to Nice Dec 20","kind":"flight_request","tripType":"one_way","legs":[],"passengers":null,"issues":["unknown_airport"],"title":"Flight request"},
  {"text":"TEB to KTEB Dec 12","kind":"flight_request","tripType":"one_way","legs":[],"passengers":null,"issues":["same_airport"],"title":"Flight request"},
  {"text":"QQQ-VNY Dec 12 2 pax","kind":"flight_request","tripType":"one_way","legs":[],"passengers":2,"issues":["unknown_airport"],"title":"Flight request · 2 pax"},
  {"text":"Need a quote for 6 pax next Friday","kind":"flight_request","tripType":null,"legs":[],"passengers":6,"issues":["missing_route"],"title":"Flight request · 6 pax"},
  {"text":"TEB-VNY Dec 15, back Dec 12","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-15",null],["VNY","TEB",null,null]],"passengers":null,"issues":["return_before_departure"],"title":"TEB ⇄ VNY · 15 Dec"},
  {"text":"Quote for TEB please, Dec 12","kind":"flight_request","tripType":null,"legs":[],"passengers":null,"issues":["incomplete_route"],"title":"Flight request"},
  {"text":"TEB-VNY 2026-12-10, back 2026-12-08","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-10",null],["VNY","TEB",null,null]],"passengers":null,"issues":["return_before_departure"],"title":"TEB ⇄ VNY · 10 Dec"},
  {"text":"TEB-MIA-TEB-MIA-TEB-MIA-TEB-MIA-TEB-MIA-TEB-MIA-TEB-MIA Dec 12","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","MIA","2026-12-12",null],["MIA","TEB",null,null],["TEB","MIA",null,null],["MIA","TEB",null,null],["TEB","MIA",null,null],["MIA","TEB",null,null],["TEB","MIA",null,null],["MIA","TEB",null,null],["TEB","MIA",null,null],["MIA","TEB",null,null],["TEB","MIA",null,null],["MIA","TEB",null,null]],"passengers":null,"issues":["too_many_legs"],"title":"TEB → MIA → … → TEB · 12 Dec"},

  // General chats
  {"text":"Hi, can you send me the invoice for last month?","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Can you send me the invoice for last month?"},
  {"text":"Call me tomorrow at 9am about the Johnson account","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Call me tomorrow at 9am about the Johnson account"},
  {"text":"Nice to meet you yesterday! Let's catch up next week.","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Nice to meet you yesterday! Let's catch up next week."},
  {"text":"Thanks, the Gulfstream was great. Please send the contract.","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Thanks, the Gulfstream was great. Please send the contract."},
  {"text":"Can we move the meeting to Friday?","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Can we move the meeting to Friday?"},
  {"text":"   ","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"New conversation"},
  {"text":"hey team — quick question about invoicing for December trips, what is the status on those","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Quick question about invoicing for December trips, what is…"},
  {"text":"Is BOS fine or should we use BED?","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Is BOS fine or should we use BED?"},
  {"text":"Reminder: AOG on the Challenger, MX says 3 days","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Reminder: AOG on the Challenger, MX says 3 days"},
  {"text":"Can you send the W9 and the ACH form?","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Can you send the W9 and the ACH form?"},

  // Longer, messier broker messages
  {"text":"Please get back to me with a quote for TEB-VNY Dec 12, 4 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":4,"issues":[],"title":"TEB → VNY · 12 Dec · 4 pax"},
  {"text":"Need a G450 out of Teterboro to Nice on the 20th for 8, back to TEB Jan 4","kind":"flight_request","tripType":"round_trip","legs":[["TEB","NCE","2026-12-20",null],["NCE","TEB","2027-01-04",null]],"passengers":8,"issues":[],"title":"TEB ⇄ NCE · 20 Dec – 4 Jan · 8 pax"},
  {"text":"TEB to VNY Dec 12 at 9 am, 6 pax; VNY-LAS Dec 13 at 14:00; LAS-TEB Dec 15 morning","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","VNY","2026-12-12","09:00"],["VNY","LAS","2026-12-13","14:00"],["LAS","TEB","2026-12-15",null]],"passengers":6,"issues":["imprecise_time"],"title":"TEB → VNY → LAS → TEB · 12–15 Dec · 6 pax"},
  {"text":"Can you quote HPN to SUN Dec 22, 4 pax?","kind":"flight_request","tripType":"one_way","legs":[["HPN","SUN","2026-12-22",null]],"passengers":4,"issues":[],"title":"HPN → SUN · 22 Dec · 4 pax"},
  {"text":"TEB-CAN Dec 12 2 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","CAN","2026-12-12",null]],"passengers":2,"issues":[],"title":"TEB → CAN · 12 Dec · 2 pax"},
  {"text":"CAN YOU QUOTE TEB TO VNY DEC 12 6 PAX","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":6,"issues":[],"title":"TEB → VNY · 12 Dec · 6 pax"},
  {"text":"Fly to Vegas Friday for 4 — departing Van Nuys at 10am","kind":"flight_request","tripType":"one_way","legs":[],"passengers":4,"issues":["incomplete_route"],"title":"Flight request · 4 pax"},
  {"text":"Need TEB to VNY on the 12th, 6 pax, return on the 3rd","kind":"flight_request","tripType":"round_trip","legs":[["TEB","VNY","2026-12-12",null],["VNY","TEB","2027-01-03",null]],"passengers":6,"issues":[],"title":"TEB ⇄ VNY · 12 Dec – 3 Jan · 6 pax"},
  {"text":"4 pax LTN-NCE 20.12.2026","kind":"flight_request","tripType":"one_way","legs":[["LTN","NCE","2026-12-20",null]],"passengers":4,"issues":[],"title":"LTN → NCE · 20 Dec · 4 pax"},
  {"text":"KTEB → KPBI → KTEB, Dec 18 – Dec 22, 2 pax","kind":"flight_request","tripType":"round_trip","legs":[["KTEB","KPBI","2026-12-18",null],["KPBI","KTEB","2026-12-22",null]],"passengers":2,"issues":[],"title":"KTEB ⇄ KPBI · 18–22 Dec · 2 pax"},
  {"text":"TEB to Van Nuys Dec 12, 3 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","VNY","2026-12-12",null]],"passengers":3,"issues":[],"title":"TEB → VNY · 12 Dec · 3 pax"},
  {"text":"TEB to MIA Dec 12, then VNY Dec 14, 5 pax","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","MIA","2026-12-12",null],["MIA","VNY","2026-12-14",null]],"passengers":5,"issues":[],"title":"TEB → MIA → VNY · 12–14 Dec · 5 pax"},
  {"text":"Looking for a light jet HPN-BED tomorrow 8:30am 2 pax","kind":"flight_request","tripType":"one_way","legs":[["HPN","BED","2026-12-02","08:30"]],"passengers":2,"issues":[],"title":"HPN → BED · 2 Dec · 2 pax"},
  {"text":"Pls quote VNY-SJD 12/18, SJD-VNY 12/23 - 7 pax + dog","kind":"flight_request","tripType":"round_trip","legs":[["VNY","SJD","2026-12-18",null],["SJD","VNY","2026-12-23",null]],"passengers":7,"issues":[],"title":"VNY ⇄ SJD · 18–23 Dec · 7 pax"},
  {"text":"Midsize for 5 from Van Nuys to Teterboro on Monday at 7 am","kind":"flight_request","tripType":"one_way","legs":[["VNY","TEB","2026-12-07","07:00"]],"passengers":5,"issues":[],"title":"VNY → TEB · 7 Dec · 5 pax"},
  {"text":"Party of 12 Nice → Olbia → Mykonos → Nice, Dec 10-17","kind":"flight_request","tripType":"multi_leg","legs":[["NCE","OLB","2026-12-10",null],["OLB","JMK",null,null],["JMK","NCE","2026-12-17",null]],"passengers":12,"issues":[],"title":"NCE → OLB → JMK → NCE · 10–17 Dec · 12 pax","cities":["Nice","Olbia","Mykonos Island","Nice"]},
  {"text":"Can you ask the operator whether the aircraft has wifi?","kind":"general","tripType":null,"legs":[],"passengers":null,"issues":[],"title":"Can you ask the operator whether the aircraft has wifi?"},
  {"text":"TEB to VNY on 12/12 with 6 passengers, then VNY to LAS on 12/14 and back to TEB on 12/16","kind":"flight_request","tripType":"multi_leg","legs":[["TEB","VNY","2026-12-12",null],["VNY","LAS","2026-12-14",null],["LAS","TEB","2026-12-16",null]],"passengers":6,"issues":[],"title":"TEB → VNY → LAS → TEB · 12–16 Dec · 6 pax"},
  {"text":"HPN-SUN 12/19 4 pax, HPN-SUN again 12/26","kind":"flight_request","tripType":"multi_leg","legs":[["HPN","SUN","2026-12-19",null],["HPN","SUN","2026-12-26",null]],"passengers":4,"issues":[],"title":"HPN → SUN, HPN → SUN · 19–26 Dec · 4 pax"},
  {"text":"AOG at TEB, need a replacement jet TEB-PBI today 4 pax","kind":"flight_request","tripType":"one_way","legs":[["TEB","PBI","2026-12-01",null]],"passengers":4,"issues":[],"title":"TEB → PBI · 1 Dec · 4 pax"},
  {"text":"Quote needed: Boston to Aspen Dec 19 for the Smith family (5), return Jan 2","kind":"flight_request","tripType":"round_trip","legs":[["BOS","ASE","2026-12-19",null],["ASE","BOS","2027-01-02",null]],"passengers":null,"issues":["assumed_airport"],"title":"BOS ⇄ ASE · 19 Dec – 2 Jan"},
];

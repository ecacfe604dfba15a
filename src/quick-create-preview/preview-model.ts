import type { CreateSessionInput, FlightLeg, SessionKind, TripType } from '@chat-sessions/sdk';
import type { MetadataChoice, MetadataIssue } from '@chat-sessions/sdk/metadata';
import type { QuickCreateDraft } from '../chat-sidebar/quick-create.js';

/** The readings a broker picks from for one field, and the words they came from ("London"). */
export interface PreviewChoices {
  readonly text: string;
  readonly options: readonly MetadataChoice[];
}

/**
 * A leg as the preview shows and edits it: an airport the parser could not settle is null (with
 * its choices), so the leg is shown, and kept once the broker picks.
 */
export interface PreviewLeg {
  readonly from: string | null;
  readonly to: string | null;
  readonly date: string | null;
  readonly time: string | null;
  readonly choices: {
    readonly from?: PreviewChoices;
    readonly to?: PreviewChoices;
    readonly date?: PreviewChoices;
  };
}

/** What quick create understood, as the broker corrects it in the preview. */
export interface PreviewModel {
  readonly kind: SessionKind;
  /** The draft's title (a general chat's, from its text); a flight request's is rebuilt. */
  readonly title: string;
  readonly tripType: TripType | null;
  readonly passengers: number | null;
  readonly legs: readonly PreviewLeg[];
  /** The parser's problems that no choice in the preview stands for. */
  readonly issues: readonly MetadataIssue[];
}

/** Issues a choice may stand for: the preview asks instead of listing them. */
const ASKED = new Set(['ambiguous_airport', 'assumed_airport', 'ambiguous_date']);

type Field = 'from' | 'to' | 'date';

/**
 * The preview's model of a draft: its legs, with the legs the parser left out because an
 * airport has several readings put back where they belong (at their `position`, before the
 * kept leg holding that index), each field's choices attached.
 */
export function modelFromDraft(draft: QuickCreateDraft): PreviewModel {
  const legs: PreviewLeg[] = [];
  if (draft.kind === 'flight_request') {
    const kept: Array<{ leg: FlightLeg; choices: Partial<Record<Field, PreviewChoices>> }> = (
      draft.legs ?? []
    ).map((leg) => ({ leg, choices: {} }));
    // Legs with an unsettled airport, by the index of the kept leg they come before.
    const missing = new Map<string, { position: number; leg: PreviewLeg }>();
    for (const ambiguity of draft.ambiguities ?? []) {
      const { position, field, leg } = ambiguity;
      if (position === null || field === null || leg === null) continue;
      const choices: PreviewChoices = { text: ambiguity.text, options: ambiguity.choices };
      if (leg.from !== null && leg.to !== null && kept[position]) {
        kept[position].choices[field] = choices;
        continue;
      }
      const key = `${position}:${JSON.stringify(leg)}`;
      const group = missing.get(key) ?? { position, leg: { ...leg, choices: {} } };
      group.leg = { ...group.leg, choices: { ...group.leg.choices, [field]: choices } };
      missing.set(key, group);
    }
    const groups = [...missing.values()];
    for (let index = 0; index <= kept.length; index += 1) {
      for (const group of groups) if (group.position === index) legs.push(group.leg);
      const at = kept[index];
      if (at)
        legs.push({
          from: at.leg.from,
          to: at.leg.to,
          date: at.leg.date ?? null,
          time: at.leg.time ?? null,
          choices: at.choices,
        });
    }
    for (const group of groups) if (group.position > kept.length) legs.push(group.leg);
  }
  return {
    kind: draft.kind,
    title: draft.title,
    tripType: draft.kind === 'flight_request' ? (draft.tripType ?? null) : null,
    passengers: draft.kind === 'flight_request' ? (draft.passengers ?? null) : null,
    legs,
    // An issue a choice stands for is asked as that choice; any other (03/04's order) is listed.
    issues: (draft.issues ?? []).filter(
      (issue) =>
        !ASKED.has(issue.code) ||
        !legs.some((leg) =>
          Object.values(leg.choices).some((choices) => choices.text === issue.text),
        ),
    ),
  };
}

/** The model with one field of one leg set (a choice picked, a date changed). */
export function withLegField(
  model: PreviewModel,
  index: number,
  field: Field,
  value: string | null,
): PreviewModel {
  return {
    ...model,
    legs: model.legs.map((leg, at) => (at === index ? { ...leg, [field]: value || null } : leg)),
  };
}

/** What is still wrong in the model, by where it shows. */
export interface PreviewProblems {
  /** `leg:field` of an airport still to pick, or a date before the leg before it. */
  readonly fields: ReadonlySet<string>;
  readonly passengers: boolean;
  readonly count: number;
}

/** What the broker should still look at: unpicked airports, dates going back, passengers. */
export function problemsOf(model: PreviewModel): PreviewProblems {
  const fields = new Set<string>();
  let previous: string | null = null;
  model.legs.forEach((leg, index) => {
    if (leg.from === null) fields.add(`${index}:from`);
    if (leg.to === null || (leg.from !== null && leg.to === leg.from)) fields.add(`${index}:to`);
    if (leg.date !== null) {
      if (previous !== null && leg.date < previous) fields.add(`${index}:date`);
      previous = leg.date;
    } else if (leg.choices.date) fields.add(`${index}:date`);
  });
  const passengers =
    model.passengers !== null &&
    (!Number.isInteger(model.passengers) || model.passengers < 1 || model.passengers > 999);
  return { fields, passengers, count: fields.size + (passengers ? 1 : 0) };
}

/** Something left to settle in the preview: where, and the choices it is picked from (if any). */
export type OpenQuestion =
  | { readonly field: 'passengers' }
  | { readonly field: 'from' | 'to'; readonly leg: number; readonly choices: PreviewChoices }
  | { readonly field: 'date'; readonly leg: number; readonly choices: PreviewChoices | null };

/**
 * The first thing the broker can still settle in the preview, in the order it shows (the
 * passengers, then each leg's airports and date), or null: a choice not picked, the same airport
 * at both ends, a date before the leg before it, passengers out of range. Enter asks for it
 * instead of creating, so nothing the text said is dropped. An airport with no choices to pick
 * from (none can be given here) is not asked for.
 */
export function openQuestion(model: PreviewModel, problems: PreviewProblems): OpenQuestion | null {
  if (problems.passengers) return { field: 'passengers' };
  for (const [index, leg] of model.legs.entries()) {
    const { from, to } = leg.choices;
    if (from && problems.fields.has(`${index}:from`))
      return { field: 'from', leg: index, choices: from };
    if (problems.fields.has(`${index}:to`)) {
      if (to) return { field: 'to', leg: index, choices: to };
      // The same airport at both ends, picked for the departure: picked again there.
      if (from && leg.to !== null) return { field: 'from', leg: index, choices: from };
    }
    if (problems.fields.has(`${index}:date`))
      // A date going back is corrected in the date field; an unpicked reading among its choices.
      return {
        field: 'date',
        leg: index,
        choices: leg.date === null ? (leg.choices.date ?? null) : null,
      };
  }
  return null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayMonth(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''}`;
}

/**
 * A flight request's title from its legs, as the SDK's `flightRequestTitle` builds it (route ·
 * dates · passengers): corrected legs make a new one, so the title never names an airport the
 * broker replaced (the card would take it for a deal name).
 */
export function requestTitle(legs: readonly FlightLeg[], passengers: number | null): string {
  const [first, second] = legs;
  let route = 'Flight request';
  if (legs.length === 2 && first && second && first.to === second.from && second.to === first.from)
    route = `${first.from} ⇄ ${first.to}`;
  else if (first) {
    const chains: string[][] = [];
    for (const leg of legs) {
      const chain = chains[chains.length - 1];
      if (chain && chain[chain.length - 1] === leg.from) chain.push(leg.to);
      else chains.push([leg.from, leg.to]);
    }
    route = chains.map((stops) => stops.join(' → ')).join(', ');
  }
  const parts = [route];
  const dates = legs.flatMap((leg) => (leg.date ? [leg.date] : []));
  const [firstDate] = dates;
  const lastDate = dates[dates.length - 1];
  if (firstDate && lastDate)
    parts.push(
      firstDate === lastDate
        ? dayMonth(firstDate)
        : firstDate.slice(0, 7) === lastDate.slice(0, 7)
          ? `${Number(firstDate.slice(8, 10))}–${dayMonth(lastDate)}`
          : `${dayMonth(firstDate)} – ${dayMonth(lastDate)}`,
    );
  if (passengers !== null) parts.push(`${passengers} pax`);
  const title = parts.join(' · ');
  return title.length <= 200 ? title : `${title.slice(0, 199)}…`;
}

/**
 * What to create from the (corrected) model: a leg still missing an airport is left out (a
 * session's legs name both airports; the broker's text, saved as the first message, keeps what
 * it said). The preview creates only once `openQuestion` has nothing left, so that is a leg
 * with an airport no choice could settle.
 */
export function createInputFromModel(model: PreviewModel): CreateSessionInput {
  if (model.kind === 'general') return { kind: 'general', title: model.title };
  const legs: FlightLeg[] = model.legs.flatMap((leg) =>
    leg.from && leg.to && leg.from !== leg.to
      ? [{ from: leg.from, to: leg.to, date: leg.date, time: leg.time }]
      : [],
  );
  // Dates that go back are left for the request editor rather than refused by the database.
  let previous = '';
  const ordered = legs.map((leg) => {
    if (!leg.date) return leg;
    if (leg.date < previous) return { ...leg, date: null };
    previous = leg.date;
    return leg;
  });
  const passengers = problemsOf(model).passengers ? null : model.passengers;
  return {
    kind: 'flight_request',
    title: requestTitle(ordered, passengers),
    ...(model.tripType ? { tripType: model.tripType } : {}),
    ...(ordered.length > 0 ? { legs: ordered } : {}),
    ...(passengers !== null ? { passengers } : {}),
  };
}

import {
  SessionPatchSchema,
  type FlightLeg,
  type FlightRequestStage,
  type Session,
  type SessionPatch,
  type TripType,
} from '@chat-sessions/sdk';
import type { RequestEditorStrings } from './strings.js';
import type { Formatter } from '../internal/format.js';

/** One leg as the form holds it: what the fields say, as typed. */
export interface LegDraft {
  /** Stable across edits, for keyed rendering and field ids. */
  readonly key: number;
  readonly from: string;
  readonly to: string;
  /** `YYYY-MM-DD`, or '' when not set. */
  readonly date: string;
  /** `HH:MM`, or '' when not set. */
  readonly time: string;
}

/** The request as the form holds it. */
export interface RequestDraft {
  readonly title: string;
  readonly tripType: TripType | '';
  readonly legs: readonly LegDraft[];
  /** As typed ('' when not set). */
  readonly passengers: string;
  readonly stage: FlightRequestStage;
}

/** The fields the editor changes, by the names the SDK's patch uses. */
export type EditedField = 'title' | 'tripType' | 'legs' | 'passengers' | 'stage';

let nextKey = 1;

/** A new empty leg (or the return of `after`, for a round trip). */
export function newLeg(after?: LegDraft): LegDraft {
  return {
    key: nextKey++,
    from: after?.to ?? '',
    to: after?.from ?? '',
    date: '',
    time: '',
  };
}

/** The form's values for a session. */
export function draftOf(session: Session): RequestDraft {
  return {
    title: session.title,
    tripType: session.tripType ?? '',
    legs: session.legs.map((leg) => ({
      key: nextKey++,
      from: leg.from,
      to: leg.to,
      date: leg.date ?? '',
      time: leg.time ?? '',
    })),
    passengers: session.passengers === null ? '' : String(session.passengers),
    stage: session.stage ?? 'understanding_request',
  };
}

/** A form value as the SDK takes it (blank fields become null; a non-number stays as typed, to fail). */
function passengersValue(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function legValue(leg: LegDraft): FlightLeg {
  return {
    from: leg.from.trim().toUpperCase(),
    to: leg.to.trim().toUpperCase(),
    date: leg.date || null,
    time: leg.time || null,
  };
}

/** The values of a session's edited fields, comparable with `===` after `JSON.stringify`. */
function fieldValues(session: Session): Record<EditedField, unknown> {
  return {
    title: session.title.trim(),
    tripType: session.tripType,
    legs: session.legs.map((leg) => ({ ...leg, time: leg.time ?? null })),
    passengers: session.passengers,
    stage: session.stage,
  };
}

/** The form's values as the SDK takes them, comparable with `fieldValues` after `JSON.stringify`. */
function draftValues(draft: RequestDraft): Record<EditedField, unknown> {
  return {
    title: draft.title.trim(),
    tripType: draft.tripType || null,
    legs: draft.legs.map(legValue),
    passengers: passengersValue(draft.passengers),
    stage: draft.stage,
  };
}

/** Whether the form says anything other than `base` (valid or not): closing it would lose that. */
export function hasChanges(draft: RequestDraft, base: Session): boolean {
  const values = draftValues(draft);
  const before = fieldValues(base);
  return (Object.keys(values) as EditedField[]).some(
    (field) => JSON.stringify(values[field]) !== JSON.stringify(before[field]),
  );
}

/** What the form asks to change against `base`, and why any field is not valid. */
export interface FormCheck {
  /** The change to send, or null when nothing changed. */
  readonly patch: SessionPatch | null;
  /** Why a field is not valid, by field id (`title`, `passengers`, `leg-3-to`, …). */
  readonly errors: ReadonlyMap<string, string>;
}

/**
 * The patch of the fields the broker changed, validated with the SDK's own schema
 * (`SessionPatchSchema`, the one `sessions.update` parses with) before anything is sent; its
 * issues are mapped to the fields they concern. The database checks again.
 */
export function checkForm(
  draft: RequestDraft,
  base: Session,
  text: RequestEditorStrings,
): FormCheck {
  const values = draftValues(draft);
  const before = fieldValues(base);
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(values) as EditedField[]) {
    if (JSON.stringify(values[field]) !== JSON.stringify(before[field])) {
      patch[field] = values[field];
    }
  }
  const errors = new Map<string, string>();
  for (const leg of draft.legs) {
    if (!leg.from.trim()) errors.set(`leg-${leg.key}-from`, text.airportRequired);
    if (!leg.to.trim()) errors.set(`leg-${leg.key}-to`, text.airportRequired);
  }
  if (Object.keys(patch).length === 0) return { patch: null, errors };
  const parsed = SessionPatchSchema.safeParse(patch);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index, part] = issue.path;
      let id = String(field ?? 'form');
      if (field === 'legs' && typeof index === 'number') {
        const leg = draft.legs[index];
        id = leg ? `leg-${leg.key}-${String(part ?? 'from')}` : 'legs';
      }
      if (!errors.has(id)) errors.set(id, issue.message);
    }
  }
  return { patch: errors.size === 0 ? patch : null, errors };
}

/** A field's value in the conflict list ("TEB → VNY 12 Dec", "6", "Proposal sent"). */
function describe(
  field: EditedField,
  session: Session,
  text: RequestEditorStrings,
  formatter: Formatter,
): string {
  switch (field) {
    case 'title':
      return session.title.trim() || text.empty;
    case 'tripType':
      return session.tripType ? text.tripTypes[session.tripType] : text.empty;
    case 'legs':
      return session.legs.length === 0
        ? text.empty
        : session.legs
            .map(
              (leg) =>
                `${leg.from} → ${leg.to}${leg.date ? ` ${formatter.calendarDate(leg.date, Date.now(), 'short')}` : ''}${leg.time ? ` ${leg.time}` : ''}`,
            )
            .join(', ');
    case 'passengers':
      return session.passengers === null ? text.empty : String(session.passengers);
    case 'stage':
      return session.stage ? text.stageLabels[session.stage] : text.empty;
  }
}

/** What someone else changed between the version the broker opened and the newer one. */
export function changesBetween(
  opened: Session,
  newer: Session,
  text: RequestEditorStrings,
  formatter: Formatter,
): string[] {
  const before = fieldValues(opened);
  const after = fieldValues(newer);
  return (Object.keys(before) as EditedField[])
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) =>
      text.conflictChange(
        text.fieldNames[field],
        describe(field, opened, text, formatter),
        describe(field, newer, text, formatter),
      ),
    );
}

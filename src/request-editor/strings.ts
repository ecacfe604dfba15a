import type { FlightRequestStage, TripType } from '@chat-sessions/sdk';
import { STAGE_LABELS } from '@chat-sessions/sdk';

/** Every user-visible string of `<chat-request-editor>` (and its airport pickers), English by default. */
export interface RequestEditorStrings {
  /** The editor's heading. */
  heading: string;
  /** The title field: the client or the deal's name. */
  title: string;
  /** Under the title field. */
  titleHint: string;
  tripType: string;
  /** The trip type option for "not set". */
  tripTypeNotSet: string;
  tripTypes: Record<TripType, string>;
  legs: string;
  /** "Leg 2". */
  leg: (position: number) => string;
  from: string;
  to: string;
  date: string;
  /** The optional local departure time. */
  time: string;
  addLeg: string;
  /** "Remove leg 2". */
  removeLeg: (position: number) => string;
  passengers: string;
  stage: string;
  stageLabels: Record<FlightRequestStage, string>;
  save: string;
  saving: string;
  cancel: string;
  /** The airport field's placeholder. */
  airportPlaceholder: string;
  /** The suggestions list's accessible name. */
  airportSuggestions: string;
  /** "TEB · Teterboro, Teterboro": one suggestion. */
  airportOption: (code: string, name: string, city: string) => string;
  /** Said when nothing matches what was typed. */
  noAirports: string;
  /** An airport code the dataset does not know. */
  unknownAirport: string;
  /** An airport field left empty. */
  airportRequired: string;
  /** Said above the fields when some are not valid. */
  invalid: (count: number) => string;
  /** Why the database refused. */
  failed: (reason: string) => string;
  /** The conflict panel's heading. */
  conflictHeading: string;
  /** One field someone else changed: "Passengers: 4 → 6". */
  conflictChange: (field: string, before: string, after: string) => string;
  /** Sends the broker's edits again over the newer version. */
  reapply: string;
  /** Drops the broker's edits and shows the newer version. */
  useTheirs: string;
  /** Asked when Escape would close the editor with unsaved changes. */
  discardQuestion: string;
  /** Answers the question: back to the form, changes kept (the default). */
  keepEditing: string;
  /** Answers the question: close without saving. */
  discard: string;
  /** A field without a value, in the conflict list. */
  empty: string;
  /** Field names in the conflict list. */
  fieldNames: Record<'title' | 'tripType' | 'legs' | 'passengers' | 'stage', string>;
}

/** The English defaults. */
export const defaultRequestEditorStrings: RequestEditorStrings = {
  heading: 'Edit request',
  title: 'Client / deal name',
  titleHint: 'Shown on the card and in the header, e.g. "Hartley family — LA for the holidays".',
  tripType: 'Trip type',
  tripTypeNotSet: 'Not set',
  tripTypes: { one_way: 'One way', round_trip: 'Round trip', multi_leg: 'Multi-leg' },
  legs: 'Legs',
  leg: (position) => `Leg ${position}`,
  from: 'From',
  to: 'To',
  date: 'Date',
  time: 'Local time (optional)',
  addLeg: 'Add leg',
  removeLeg: (position) => `Remove leg ${position}`,
  passengers: 'Passengers',
  stage: 'Stage',
  stageLabels: { ...STAGE_LABELS },

  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  airportPlaceholder: 'Code, airport or city',
  airportSuggestions: 'Airports',
  airportOption: (code, name, city) => (city ? `${code} · ${name}, ${city}` : `${code} · ${name}`),
  noAirports: 'No airport matches',
  unknownAirport: 'Not a known airport code',
  airportRequired: 'Choose an airport',
  invalid: (count) => (count === 1 ? '1 field needs a fix.' : `${count} fields need a fix.`),
  failed: (reason) => `Not saved: ${reason}`,
  conflictHeading: 'Someone changed this request while you were editing it:',
  conflictChange: (field, before, after) => `${field}: ${before} → ${after}`,
  reapply: 'Save my changes over theirs',
  useTheirs: 'Discard mine, use theirs',
  discardQuestion: 'Discard your changes?',
  keepEditing: 'Keep editing',
  discard: 'Discard',
  empty: '—',
  fieldNames: {
    title: 'Name',
    tripType: 'Trip type',
    legs: 'Legs',
    passengers: 'Passengers',
    stage: 'Stage',
  },
};

import type { TripType } from '@chat-sessions/sdk';

/** Every user-visible string of `<chat-quick-create-preview>`, English by default. */
export interface QuickCreatePreviewStrings {
  /** The preview's accessible name. */
  label: string;
  /** Shown while the text is being read. */
  reading: string;
  /** The kind line: what Enter will create. */
  flightRequest: string;
  generalChat: string;
  /** Under a general chat: "Titled “Can you resend…”, the question as its first message." */
  generalHint: (title: string) => string;
  /** A flight request with no legs understood. */
  noRoute: string;
  tripType: string;
  tripTypeNotSet: string;
  tripTypes: Record<TripType, string>;
  passengers: string;
  /** "Leg 2". */
  leg: (position: number) => string;
  from: string;
  to: string;
  date: string;
  /** An airport still to pick: "Which London?" */
  whichAirport: (text: string) => string;
  /** A date still to pick: "Which “next Thursday”?" */
  whichDate: (text: string) => string;
  /** The field's value when nothing is known. */
  notSet: string;
  /** A date before the leg before it. */
  dateBeforePrevious: string;
  passengersOutOfRange: string;
  /** "2 things to check" (0: nothing). */
  problems: (count: number) => string;
  /** The close button's name (it does what Escape does). */
  close: string;
  /** What the keys do. */
  keys: string;
  /** What the keys do while something is left to choose (Enter goes to it instead of creating). */
  keysToChoose: string;
  /** Enter with a choice left: "Not created yet: Which London? Pick one, then press Enter." */
  askChoice: (question: string) => string;
  /** Enter with a field to correct: "Not created yet: Passengers (From 1 to 999). …" */
  askFix: (field: string, problem: string) => string;
  /** An airport choice, for screen readers: "LHR, London Heathrow Airport, London". */
  choiceLabel: (code: string, name: string) => string;
}

/** The English strings. */
export const defaultQuickCreatePreviewStrings: QuickCreatePreviewStrings = {
  label: 'What quick create understood',
  reading: 'Reading…',
  flightRequest: 'Flight request',
  generalChat: 'General chat',
  generalHint: (title) => `Titled “${title}”, your text as its first message.`,
  noRoute: 'No route understood yet: your text is kept as the first message.',
  tripType: 'Trip',
  tripTypeNotSet: 'Not set',
  tripTypes: { one_way: 'One way', round_trip: 'Round trip', multi_leg: 'Multi-leg' },
  passengers: 'Passengers',
  leg: (position) => `Leg ${position}`,
  from: 'From',
  to: 'To',
  date: 'Date',
  whichAirport: (text) => `Which ${text}?`,
  whichDate: (text) => `Which “${text}”?`,
  notSet: 'not set',
  dateBeforePrevious: 'Before the previous leg',
  passengersOutOfRange: 'From 1 to 999',
  problems: (count) =>
    count === 0 ? 'Looks complete' : count === 1 ? '1 thing to check' : `${count} things to check`,
  close: 'Close preview',
  keys: 'Enter creates · Esc closes',
  keysToChoose: 'Choose what is marked, then Enter creates · Esc closes',
  askChoice: (question) => `Not created yet: ${question} Pick one, then press Enter.`,
  askFix: (field, problem) =>
    `Not created yet: ${field} (${problem}). Correct it, then press Enter.`,
  choiceLabel: (code, name) => `${code}, ${name}`,
};

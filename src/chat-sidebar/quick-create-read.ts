/**
 * Quick create's reading of the broker's text (through the metadata endpoint, the host's parser
 * or the SDK's rule parser) into what to create. Loaded with the preview the first time the
 * broker types: the preview's chunk (../quick-create-preview/register.ts) re-exports it.
 */
import type { CreateSessionInput, FlightLeg } from '@chat-sessions/sdk';

/** Most legs a request takes (the SDK's `MAX_LEGS`; its value module is not loaded here). */
const MAX_LEGS = 12;
import {
  plainTitle,
  type QuickCreateContext,
  type QuickCreateDraft,
  type QuickCreateParser,
} from './quick-create.js';

/**
 * The SDK's rule parser (with its airport table), loaded the first time quick create needs it
 * or warms up; null where it can't load. A failed load is forgotten: the next read tries again
 * (offline before it ever loaded, then back online).
 */
let sdkParser: Promise<QuickCreateParser | null> | null = null;

function loadSdkParser(): Promise<QuickCreateParser | null> {
  sdkParser ??= import('@chat-sessions/sdk/metadata').then(
    (metadata): QuickCreateParser =>
      (text, context) =>
        metadata.parseFlightRequest(text, {
          timeZone: context.timeZone,
          referenceDate: context.referenceDate,
        }),
    () => (sdkParser = null),
  );
  return sdkParser;
}

/**
 * Loads what reading text will need, ahead of the broker's first use (quick create calls it
 * once the preview's chunk has loaded while idle): the SDK's parser, unless the host's own
 * parser does the reading. With a metadata endpoint it is what reads while the endpoint can't be
 * reached (offline). A failure stays silent (a read tries again).
 */
export function warmReading(options: Pick<QuickCreateOptions, 'parser'>): void {
  if (!options.parser) void loadSdkParser();
}

/** How quick create reads text; see {@link draftFromText}. */
export interface QuickCreateOptions {
  /** A server-side metadata handler (POST `{ text, referenceDate, timeZone }` → a draft). */
  endpoint: string;
  /** A parser of the host's. */
  parser: QuickCreateParser | null;
  context: QuickCreateContext;
  signal?: AbortSignal;
}

/**
 * Reads a draft from text: through the metadata endpoint when one is set (and can be reached:
 * when the network is gone, the local reading below stands in), else the host's parser, else
 * the SDK's rule parser (loaded lazily: its airport table is large), else — if none can be had —
 * {@link bareReading}: the codes and passengers the text spells out.
 */
export async function draftFromText(
  text: string,
  options: QuickCreateOptions,
): Promise<QuickCreateDraft> {
  if (options.endpoint)
    try {
      return await draftFromEndpoint(text, options);
    } catch (error) {
      // fetch rejects with a TypeError when the request never got an answer (offline); an
      // answer that is not a draft, or a read the preview cancelled, is not read locally.
      if (!(error instanceof TypeError) || options.signal?.aborted) throw error;
    }
  const parser = options.parser ?? (await loadSdkParser());
  if (parser) return parser(text, options.context);
  return bareReading(text);
}

/** A route as typed in codes: `BOS to MIA`, `BOS-MIA`, `BOS → MIA → TEB`. */
const ROUTE = /\b[A-Z]{3,4}(?:\s*(?:to|TO|To|-|–|→|>)\s*[A-Z]{3,4}\b)+/;
const PASSENGERS = /\b(\d{1,3})\s*(?:pax|passengers?|people|persons?)\b/i;

/**
 * The reading when the SDK's parser can't be had (offline before it was ever loaded): no
 * airport table and no dates, only what the text spells out: airport codes typed in capitals as
 * a route (`BOS to MIA`: a leg, its date not set) and a passenger count (`2 pax`). Anything
 * else is left to the broker, as a flight request titled with the text.
 */
export function bareReading(text: string): QuickCreateDraft {
  const codes = ROUTE.exec(text)?.[0].match(/[A-Z]{3,4}(?![A-Za-z])/g) ?? [];
  const legs: FlightLeg[] = [];
  codes.reduce<string | null>((from, to) => {
    if (from && from !== to && legs.length < MAX_LEGS) legs.push({ from, to, date: null });
    return to;
  }, null);
  const passengers = Number(PASSENGERS.exec(text)?.[1] ?? 0);
  return {
    kind: 'flight_request',
    title: plainTitle(text),
    ...(legs.length > 0 ? { legs } : {}),
    ...(passengers >= 1 ? { passengers } : {}),
  };
}

async function draftFromEndpoint(
  text: string,
  options: QuickCreateOptions,
): Promise<QuickCreateDraft> {
  const response = await fetch(options.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      text,
      referenceDate: options.context.referenceDate.toISOString(),
      timeZone: options.context.timeZone,
    }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!response.ok) throw new Error(`the metadata service answered ${response.status}`);
  const body: unknown = await response.json();
  if (!isDraft(body)) throw new Error('the metadata service answered something else than a draft');
  return body;
}

function isDraft(value: unknown): value is QuickCreateDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    (draft['kind'] === 'flight_request' || draft['kind'] === 'general') &&
    typeof draft['title'] === 'string' &&
    (draft['legs'] === undefined || Array.isArray(draft['legs']))
  );
}

/**
 * What to create from a draft, when the preview has not read the text (it was closed, or Enter
 * came before it read). Only the fields a session takes are kept (the SDK validates them); a
 * general chat carries no flight fields. A draft with a reading left to pick is not created: an
 * airport ("London": its leg, with its date, is left out until then) or a date ("next
 * Thursday"); that would drop them without a word. It throws, naming the words, and quick create
 * shows that as its error; the preview offers the choices.
 */
export function createInputFrom(
  draft: QuickCreateDraft,
  fallbackTitle: string,
): CreateSessionInput {
  const title = draft.title.trim() || plainTitle(fallbackTitle);
  if (draft.kind === 'general') return { kind: 'general', title };
  // The first reading left to pick: an airport (its leg is left out until then) or a date.
  const open = draft.ambiguities?.find(
    ({ kind, leg, chosen }) =>
      leg !== null && (kind === 'airport' ? !leg.from || !leg.to : chosen === null && !leg.date),
  );
  if (open)
    throw new Error(
      `“${open.text}” ${open.kind === 'airport' ? 'names several airports' : 'can be several dates'}: pick one in the preview, then press Enter`,
    );
  return {
    kind: 'flight_request',
    title,
    ...(draft.tripType ? { tripType: draft.tripType } : {}),
    ...(draft.legs && draft.legs.length > 0 ? { legs: draft.legs.map((leg) => ({ ...leg })) } : {}),
    ...(draft.passengers != null ? { passengers: draft.passengers } : {}),
  };
}

/**
 * Quick create's reading of the broker's text (through the metadata endpoint, the host's parser
 * or the SDK's rule parser) into what to create. Loaded with the preview the first time the
 * broker types: the preview's chunk (../quick-create-preview/register.ts) re-exports it.
 */
import type { CreateSessionInput } from '@chat-sessions/sdk';
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
 * once the preview's chunk has loaded while idle): the SDK's parser, unless a metadata endpoint
 * or the host's own parser does the reading. A failure stays silent (a read tries again).
 */
export function warmReading(options: Pick<QuickCreateOptions, 'endpoint' | 'parser'>): void {
  if (!options.endpoint && !options.parser) void loadSdkParser();
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
 * Reads a draft from text: through the metadata endpoint when one is set, else the host's
 * parser, else the SDK's rule parser (loaded lazily: its airport table is large), else — if
 * none can be had — a flight request titled with the text itself.
 */
export async function draftFromText(
  text: string,
  options: QuickCreateOptions,
): Promise<QuickCreateDraft> {
  if (options.endpoint) return draftFromEndpoint(text, options);
  const parser = options.parser ?? (await loadSdkParser());
  if (parser) return parser(text, options.context);
  return { kind: 'flight_request', title: plainTitle(text) };
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

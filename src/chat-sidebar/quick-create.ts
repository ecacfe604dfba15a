import { chunkLoader } from '../internal/chunk-loader.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CreateSessionInput, FlightLeg, SessionKind, TripType } from '@chat-sessions/sdk';
import type { MetadataAmbiguity, MetadataIssue } from '@chat-sessions/sdk/metadata';
import type { AirportNameResolver } from '../types.js';

/**
 * What quick create reads from the broker's text: the SDK's `FlightRequestDraft` (from
 * `parseFlightRequest`, or the metadata endpoint) has this shape.
 */
export interface QuickCreateDraft {
  kind: SessionKind;
  title: string;
  tripType?: TripType | null;
  legs?: readonly FlightLeg[];
  passengers?: number | null;
  /** What the text left unclear; the preview marks them. */
  issues?: readonly MetadataIssue[];
  /** Readings to choose between (`London` → LHR, LGW, …); the preview offers them. */
  ambiguities?: readonly MetadataAmbiguity[];
}

/** Where the parser reads relative dates ("Friday", "tomorrow") from. */
export interface QuickCreateContext {
  /** The broker's IANA time zone. */
  timeZone: string;
  /** Now. */
  referenceDate: Date;
}

/**
 * Turns a broker's free text into a draft. `parseFlightRequest` from
 * `@chat-sessions/sdk/metadata` fits as is.
 */
export type QuickCreateParser = (
  text: string,
  context: QuickCreateContext,
) => QuickCreateDraft | Promise<QuickCreateDraft>;

/** Longest title a session takes (the SDK refuses longer). */
const MAX_TITLE = 200;

/** The text as a title: whitespace collapsed, cut at the limit. */
export function plainTitle(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length <= MAX_TITLE ? collapsed : `${collapsed.slice(0, MAX_TITLE - 1)}…`;
}

/** The SDK's rule parser, loaded the first time quick create is used; null where it can't load. */
let sdkParser: Promise<QuickCreateParser | null> | null = null;

function loadSdkParser(): Promise<QuickCreateParser | null> {
  sdkParser ??= import('@chat-sessions/sdk/metadata').then(
    (metadata) => (text, context) =>
      metadata.parseFlightRequest(text, {
        timeZone: context.timeZone,
        referenceDate: context.referenceDate,
      }),
    () => null,
  );
  return sdkParser;
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
 * What to create from a draft. Only the fields a session takes are kept (the SDK validates
 * them); a general chat carries no flight fields.
 */
export function createInputFrom(
  draft: QuickCreateDraft,
  fallbackTitle: string,
): CreateSessionInput {
  const title = draft.title.trim() || plainTitle(fallbackTitle);
  if (draft.kind === 'general') return { kind: 'general', title };
  return {
    kind: 'flight_request',
    title,
    ...(draft.tripType ? { tripType: draft.tripType } : {}),
    ...(draft.legs && draft.legs.length > 0 ? { legs: draft.legs.map((leg) => ({ ...leg })) } : {}),
    ...(draft.passengers != null ? { passengers: draft.passengers } : {}),
  };
}

/** What quick create needs from the sidebar. */
export interface QuickCreateHost extends ReactiveControllerHost {
  readonly metadataEndpoint: string;
  readonly metadataParser: QuickCreateParser | null;
  readonly airportName: AirportNameResolver | null;
  readonly locale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The preview's side the form talks to (the element itself is in a lazy chunk). */
interface QuickCreatePreviewElement extends HTMLElement {
  createInput(): CreateSessionInput | null;
}

/** `<chat-quick-create-preview>`, loaded the first time the broker types; null until then. */
const loadPreview = chunkLoader(() => import('../quick-create-preview/register.js'));

/**
 * The quick create form's state: the text typed, busy while the draft is parsed and the session
 * created, the error to show, and the preview of what the text says (a lazy element, shown once
 * loaded, until Escape). `submit` creates what the preview shows as corrected, or, before it has
 * read the text, what the text says; the text itself becomes the session's first message.
 */
export class QuickCreateController implements ReactiveController {
  text = '';
  busy = false;
  error = '';
  /** The preview's element is defined. */
  previewLoaded = false;
  /** Escape closed the preview; typing opens it again. */
  dismissed = false;

  constructor(
    /** The sidebar: where the preview's airport names and locale come from. */
    readonly host: QuickCreateHost,
    private readonly options: {
      /** "Now", for relative dates in the text ("tomorrow"). */
      readonly now: () => number;
      /** Creates the session (throws when it could not). */
      readonly create: (input: CreateSessionInput, text: string) => Promise<void>;
      /** The message for a failure. */
      readonly failed: (message: string) => string;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether the preview shows. */
  get previewShown(): boolean {
    return this.previewLoaded && !this.dismissed && this.text.trim() !== '';
  }

  /** The broker typed: keep the text, drop a stale error, (load and) show the preview. */
  input(value: string): void {
    this.text = value;
    this.error = '';
    this.dismissed = false;
    if (!this.previewLoaded && value.trim())
      loadPreview().then(
        () => {
          this.previewLoaded = true;
          this.host.requestUpdate();
        },
        () => undefined,
      );
    this.host.requestUpdate();
  }

  /** Reads a draft from text, as `submit` does; the preview reads through it. */
  readonly read = (text: string, signal?: AbortSignal): Promise<QuickCreateDraft> =>
    draftFromText(text, {
      endpoint: this.host.metadataEndpoint,
      parser: this.host.metadataParser,
      context: {
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        referenceDate: new Date(this.options.now()),
      },
      ...(signal ? { signal } : {}),
    });

  /** Escape: closes the preview (back to the field), or clears the field when it is closed. */
  readonly dismiss = (): void => {
    if (this.previewShown) this.dismissed = true;
    else this.text = '';
    this.host.requestUpdate();
    this.host.renderRoot.querySelector<HTMLElement>('#quick-create')?.focus();
  };

  async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    const text = this.text.trim();
    if (!text || this.busy) return;
    const preview = this.previewShown
      ? this.host.renderRoot.querySelector<QuickCreatePreviewElement>('chat-quick-create-preview')
      : null;
    const corrected = preview?.createInput() ?? null;
    // Enter in the preview: once it closes, the field is the place to type the next one.
    const refocus = preview?.matches(':focus-within') ?? false;
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const input = corrected ?? createInputFrom(await this.read(text), text);
      await this.options.create({ ...input, firstMessage: { content: text } }, text);
      this.text = '';
    } catch (error) {
      this.error = this.options.failed(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
      this.host.requestUpdate();
      if (refocus) this.host.renderRoot.querySelector<HTMLElement>('#quick-create')?.focus();
    }
  }
}

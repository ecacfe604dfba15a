import { LazyChunkController } from '../controllers/lazy-chunk.js';
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

/** What quick create needs from the sidebar. */
export interface QuickCreateHost extends ReactiveControllerHost, Element {
  readonly metadataEndpoint: string;
  readonly metadataParser: QuickCreateParser | null;
  readonly airportName: AirportNameResolver | null;
  readonly locale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The preview's side the form talks to (the element itself is in a lazy chunk). */
interface QuickCreatePreviewElement extends HTMLElement {
  /** Null: it has not read the text yet; false: something is left to choose (it asks). */
  createInput(): CreateSessionInput | null | false;
}

/**
 * `<chat-quick-create-preview>` and the text's reading (./quick-create-read.ts): warmed while idle
 * after the sidebar's first paint, or loaded the first time the broker types if that comes first.
 */
const loadPreview = chunkLoader(() => import('../quick-create-preview/register.js'));

type PreviewChunk = Awaited<ReturnType<typeof loadPreview>>;

/** What the text says when its reading can't be loaded (offline before the first use). */
function readingOf(text: string): { kind: 'flight_request'; title: string } {
  return { kind: 'flight_request', title: plainTitle(text) };
}

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
  /**
   * The preview's chunk. Warmed while idle after the host's first render (cancelled while the
   * host is out of the page), with the SDK's parser it reads through: a module can't be fetched
   * once the network is gone, and quick create must still read "BOS to MIA Dec 20 2 pax" then.
   */
  private readonly chunk: LazyChunkController<PreviewChunk>;

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
    this.chunk = new LazyChunkController(host, {
      load: loadPreview,
      loaded: (chunk) => {
        this.previewLoaded = true;
        chunk.warmReading({ parser: this.host.metadataParser });
      },
      // Typing tries again; Enter creates from a bare reading of the text meanwhile.
      failed: () => undefined,
    });
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
    if (!this.previewLoaded && value.trim()) this.chunk.preload();
    this.host.requestUpdate();
  }

  /** Reads a draft from text, as `submit` does; the preview reads through it. */
  readonly read = async (text: string, signal?: AbortSignal): Promise<QuickCreateDraft> => {
    const chunk = await this.chunk.use();
    if (!chunk) return readingOf(text);
    return chunk.draftFromText(text, {
      endpoint: this.host.metadataEndpoint,
      parser: this.host.metadataParser,
      context: {
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        referenceDate: new Date(this.options.now()),
      },
      ...(signal ? { signal } : {}),
    });
  };

  /** Escape: closes the preview (back to the field), or clears the field when it is closed. */
  readonly dismiss = (): void => {
    if (this.previewShown) this.dismissed = true;
    else this.text = '';
    this.host.requestUpdate();
    this.host.renderRoot.querySelector<HTMLElement>('#quick-create')?.focus();
  };

  /** What to create from `text` (read as `read` does). */
  private async inputFrom(text: string): Promise<CreateSessionInput> {
    const chunk = await this.chunk.use();
    return chunk ? chunk.createInputFrom(await this.read(text), text) : readingOf(text);
  }

  async submit(event?: Event): Promise<void> {
    event?.preventDefault();
    const text = this.text.trim();
    if (!text || this.busy) return;
    const preview = this.previewShown
      ? this.host.renderRoot.querySelector<QuickCreatePreviewElement>('chat-quick-create-preview')
      : null;
    const corrected = preview?.createInput() ?? null;
    // Something is left to choose: the preview has moved focus to it and says what.
    if (corrected === false) return;
    // Enter in the preview: once it closes, the field is the place to type the next one.
    const refocus = preview?.matches(':focus-within') ?? false;
    this.busy = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const input = corrected ?? (await this.inputFrom(text));
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

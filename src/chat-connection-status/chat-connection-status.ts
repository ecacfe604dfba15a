import type { ChatSessionsClient, ConnectionStatus } from '@chat-sessions/sdk';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RuntimeStoreController } from '../controllers/runtime-store-controller.js';
import { problemText, problemTexts, type ProblemTexts } from '../internal/problem-text.js';
import type { StringsOverride } from '../types.js';
import { chatConnectionStatusStyles } from './chat-connection-status.styles.js';

/** What the element reads from a connection store: the SDK's `ConnectionState` fits. */
export interface ConnectionStatusSnapshot {
  readonly status: ConnectionStatus;
  /** Writes waiting to be sent. */
  readonly queued: number;
  /** Writes lost to the network are kept and sent again (absent: they are not). */
  readonly outbox?: boolean;
  /** A queued write the server refused (rolled back), or null. */
  readonly refused: {
    /** `message` (default) or `action` (a list action: pause, archive, pin, …). */
    readonly kind?: string;
    /** For an action: which one (`archive`, `pin`, `mark_read`, …). */
    readonly action?: string;
    /** For an action: the session's status on the server when it was refused, if known. */
    readonly status?: string | null;
    /** The message's first words, or the session's title. */
    readonly summary: string;
    readonly error: { readonly code: string };
  } | null;
  /** Every refused write not yet cleared, oldest first (the SDK's `refusals`); else `refused` alone. */
  readonly refusals?: readonly NonNullable<ConnectionStatusSnapshot['refused']>[];
}

/** A connection store (`getRuntime(client).connection`), as far as the element uses it. */
export interface ConnectionStatusStore {
  getSnapshot(): ConnectionStatusSnapshot;
  subscribe(listener: () => void): () => void;
  /** Clears the refused write once the broker has read it. */
  setRefused?(refused: null): void;
}

/** Every user-visible string of `<chat-connection-status>`, English by default. */
export interface ChatConnectionStatusStrings {
  offline: string;
  reconnecting: string;
  degraded: string;
  /** After offline / reconnecting, where an outbox keeps what the broker does. */
  changesKept: string;
  /** After offline / reconnecting, where nothing keeps it. */
  changesNotKept: string;
  /** Said once when the connection comes back. */
  backOnline: string;
  /** Writes waiting to be sent. */
  queued: (count: number) => string;
  /** A queued message the server refused: which one, and why (a problem text). */
  refused: (summary: string, problem: string) => string;
  /**
   * A queued list action the server refused: the action's verb (`actionVerbs`), the session's
   * title, and why: `statusReasons` for the status the session had by then, else a problem text.
   */
  refusedAction: (verb: string, title: string, reason: string) => string;
  /** The verb of each list action, as in "Couldn't archive …". */
  actionVerbs: Partial<Record<string, string>>;
  /** Why an action no longer applied, by the status the session had on the server. */
  statusReasons: Partial<Record<string, string>>;
  /** The button that clears a refused message's notice. */
  dismiss: string;
  /** Texts of SDK error codes. */
  problems: ProblemTexts;
}

const defaultStrings: ChatConnectionStatusStrings = {
  offline: 'Offline.',
  reconnecting: 'Connection lost, reconnecting.',
  degraded: 'The server is having trouble. Changes may take longer to save.',
  changesKept:
    'Messages and changes you make are kept on this device and sent when the connection returns.',
  changesNotKept: 'Changes made now may not be saved; try them again once back online.',
  backOnline: 'Back online. Everything is saved.',
  queued: (count) =>
    count === 1 ? '1 change waiting to be sent.' : `${count} changes waiting to be sent.`,
  refused: (summary, problem) =>
    `A message written offline was not sent (“${summary}”). ${problem}`,
  refusedAction: (verb, title, reason) =>
    /[.!?]$/.test(reason)
      ? `Couldn’t ${verb} ${title ? `“${title}”` : 'a session'}. ${reason}`
      : `Couldn’t ${verb} ${title ? `“${title}”` : 'a session'}: ${reason}. Nothing else changed.`,
  actionVerbs: {
    pause: 'pause',
    resume: 'resume',
    complete: 'complete',
    reopen: 'reopen',
    archive: 'archive',
    unarchive: 'unarchive',
    pin: 'pin',
    unpin: 'unpin',
    mark_read: 'mark as read',
    create: 'create',
    rename: 'rename',
    update: 'save the changes to',
    delete: 'move to the trash',
    restore: 'restore',
  },
  statusReasons: {
    active: 'it was made active in another window',
    paused: 'it was paused in another window',
    completed: 'it was already completed in another window',
    archived: 'it was archived in another window',
  },
  dismiss: 'Dismiss',
  problems: problemTexts,
};

/**
 * The connection as a broker needs to know it: nothing while all is well; "Offline",
 * "Reconnecting" or "The server is having trouble" with the number of changes waiting while it
 * is not; "Back online" for a moment when it returns; and, once, a message queued offline that
 * the server then refused, with why (the message was rolled back). One polite live region, so
 * screen readers hear each change without losing their place.
 *
 * Give it the SDK client (`client`, or a `<chat-sessions-provider>` around it); it shows the
 * client runtime's connection state. Or give any store of the same shape as `store`.
 *
 * @summary Unobtrusive, accessible connection state: offline, reconnecting, changes waiting.
 *
 * @example
 * ```html
 * <chat-connection-status></chat-connection-status>
 * <script type="module">
 *   import '@chat-sessions/elements/chat-connection-status/define.js';
 *   document.querySelector('chat-connection-status').client = chat;
 * </script>
 * ```
 *
 * The host's `state` attribute says what it shows, for host styles: `quiet` (nothing to say;
 * the element then takes no room), `online`, `offline`, `reconnecting`, `degraded`, `refused`.
 *
 * @csspart base - The region (visually hidden while there is nothing to say); also carries the
 *   state: `online`, `offline`, `reconnecting`, `degraded`, `refused`.
 * @csspart dot - The state's coloured dot.
 * @csspart message - The text.
 * @csspart dismiss-button - Clears a refused message's notice.
 *
 * @cssprop --chat-connection-status-text-color - Text while offline or refused (default `--chat-color-text`).
 * @cssprop --chat-connection-status-muted-color - Text otherwise (default `--chat-color-text-muted`).
 * @cssprop --chat-connection-status-border-color - The pill's border (default `--chat-color-border`).
 * @cssprop --chat-connection-status-background - The pill's background (default `--chat-color-surface`).
 * @cssprop --chat-connection-status-danger-color - Offline and refused (default `--chat-color-danger`).
 * @cssprop --chat-connection-status-accent - Back online, focus ring (default `--chat-color-accent`).
 * @cssprop --chat-connection-status-radius - Corner radius (default `--chat-radius`).
 */
export class ChatConnectionStatus extends LitElement {
  static override styles = chatConnectionStatusStyles;

  private readonly source = new RuntimeStoreController<
    ConnectionStatusStore,
    ConnectionStatusSnapshot
  >(this);

  /** The SDK client (`createChatSessions(...)`); its runtime's connection state is shown. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /** A connection store to show instead of the client's. */
  @property({ attribute: false }) store: ConnectionStatusStore | null = null;

  /** Replaces some of the texts (translations). */
  @property({ attribute: false }) strings: StringsOverride<ChatConnectionStatusStrings> = {};

  /** How long "Back online" stays, in ms. */
  @property({ type: Number, attribute: 'recovered-ms' }) recoveredMs = 4000;

  /** How long a refused change's notice stays before it clears itself, in ms. */
  @property({ type: Number, attribute: 'refused-ms' }) refusedMs = 15000;

  @state() private recovered = false;
  /**
   * False until the live region has been in the page for a moment: an element defined late (a
   * lazy chunk that arrived once the connection was already down) first renders the region
   * empty, so assistive technology knows it before it speaks, and says its words 100 ms later.
   */
  @state() private regionReady = false;

  private lastStatus: ConnectionStatus = 'online';
  private recoveredTimer: ReturnType<typeof setTimeout> | null = null;
  private lastRefused: ConnectionStatusSnapshot['refused'] = null;
  private refusedTimer: ReturnType<typeof setTimeout> | null = null;
  private regionTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.regionTimer = setTimeout(() => (this.regionReady = true), this.hasUpdated ? 0 : 100);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed element must not be kept (with the page around it) by its own timer.
    clearTimeout(this.regionTimer);
    this.clearRecovered();
    if (this.refusedTimer !== null) clearTimeout(this.refusedTimer);
    this.refusedTimer = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.source.use({
      store: this.store,
      client: this.client,
      key: 'connection',
      select: (runtime) => runtime.connection,
    });
    const status = this.source.snapshot?.status ?? 'online';
    if (status !== this.lastStatus) {
      this.lastStatus = status;
      this.clearRecovered();
      // Back online: "Back online. Everything is saved." once the changes that waited are sent
      // (while they go out, the region counts them down), for `recoveredMs` from then.
      this.recovered = status === 'online';
    }
    // A refused change is said once and clears itself after `refusedMs` (or on Dismiss).
    const refused = this.source.snapshot?.refused ?? null;
    if (refused !== this.lastRefused) {
      this.lastRefused = refused;
      if (this.refusedTimer !== null) clearTimeout(this.refusedTimer);
      this.refusedTimer = refused
        ? setTimeout(() => {
            this.refusedTimer = null;
            if (this.source.snapshot?.refused === refused) this.source.store?.setRefused?.(null);
          }, this.refusedMs)
        : null;
    }
    const saved = status === 'online' && (this.source.snapshot?.queued ?? 0) === 0;
    if (this.recovered && saved && this.recoveredTimer === null) {
      this.recoveredTimer = setTimeout(() => {
        this.recoveredTimer = null;
        this.recovered = false;
      }, this.recoveredMs);
    }
  }

  private get text(): ChatConnectionStatusStrings {
    const overrides = this.strings;
    return {
      ...defaultStrings,
      ...overrides,
      problems: { ...defaultStrings.problems, ...overrides.problems },
      actionVerbs: { ...defaultStrings.actionVerbs, ...overrides.actionVerbs },
      statusReasons: { ...defaultStrings.statusReasons, ...overrides.statusReasons },
    };
  }

  private clearRecovered(): void {
    if (this.recoveredTimer !== null) clearTimeout(this.recoveredTimer);
    this.recoveredTimer = null;
    this.recovered = false;
  }

  private handleDismiss(): void {
    this.source.store?.setRefused?.(null);
  }

  /** The words for the current state, or '' when there is nothing to say. */
  private describe(snapshot: ConnectionStatusSnapshot | undefined): string {
    if (!snapshot) return '';
    const text = this.text;
    const waiting = snapshot.queued > 0 ? ` ${text.queued(snapshot.queued)}` : '';
    const kept = ` ${snapshot.outbox ? text.changesKept : text.changesNotKept}`;
    switch (snapshot.status) {
      case 'offline':
        return `${text.offline}${kept}${waiting}`;
      case 'reconnecting':
        return `${text.reconnecting}${kept}${waiting}`;
      case 'degraded':
        return `${text.degraded}${waiting}`;
      case 'online':
        if (snapshot.queued > 0) return text.queued(snapshot.queued);
        // "Everything is saved" would be untrue next to a refused message.
        return this.recovered && !snapshot.refused ? text.backOnline : '';
    }
  }

  /** A refused change in the broker's words: which one, and why. */
  private refusal(refused: NonNullable<ConnectionStatusSnapshot['refused']>): string {
    const text = this.text;
    const problem = problemText(refused.error, text.problems);
    if (refused.kind !== 'action') return text.refused(refused.summary, problem);
    const verb = text.actionVerbs[refused.action ?? ''] ?? text.actionVerbs['archive'] ?? '';
    const known = /^(invalid_transition|conflict)$/.test(refused.error.code);
    const reason = (known && refused.status ? text.statusReasons[refused.status] : null) ?? problem;
    return text.refusedAction(verb, refused.summary, reason);
  }

  /** What the region says now, and the state it shows. */
  private current(): { said: string; state: string } {
    const snapshot = this.source.snapshot;
    const refused = snapshot?.refused ?? null;
    const refusals = snapshot?.refusals?.length ? snapshot.refusals : refused ? [refused] : [];
    const said = this.regionReady
      ? [this.describe(snapshot), ...refusals.map((each) => this.refusal(each))]
          .filter(Boolean)
          .join(' ')
      : '';
    return { said, state: refused ? 'refused' : (snapshot?.status ?? 'online') };
  }

  protected override update(changed: PropertyValues<this>): void {
    // The host's `state` attribute, for host styles; `quiet` takes no room in a grid or flex row.
    const { said, state } = this.current();
    this.setAttribute('state', said ? state : 'quiet');
    super.update(changed);
  }

  protected override render(): TemplateResult {
    const text = this.text;
    const refused = this.source.snapshot?.refused ?? null;
    const { said, state } = this.current();
    return html`<div part="base ${state}" class="${said ? '' : 'quiet'} ${state}">
      ${said ? html`<span part="dot" aria-hidden="true"></span>` : nothing}
      <span part="message" role="status" aria-live="polite" aria-atomic="true">${said}</span>
      ${
        refused && said
          ? html`<button part="dismiss-button" type="button" @click=${this.handleDismiss}>
            ${text.dismiss}
          </button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-connection-status': ChatConnectionStatus;
  }
}

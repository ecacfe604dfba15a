import {
  TRANSITIONS,
  type ChangeFeedSync,
  type ChatSessionsClient,
  type SessionSnapshot,
  type SessionStore,
  type LifecycleAction,
  type TransitionInput,
} from '@chat-sessions/sdk';
import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type {
  ChatComposerStrings,
  ComposerDraftStore,
  ComposerMessageStore,
} from '../chat-composer/chat-composer.js';
import type { ChatMessageStrings } from '../chat-message/chat-message.js';
import { chatSessionsClientContext, sessionListContext } from '../context.js';
import { RuntimeStoreController } from '../controllers/runtime-store-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import type { SessionListSource, SessionListView } from '../controllers/session-list-source.js';
import { ChatMessageRetryEvent, ChatSessionActionEvent } from '../events.js';
import { FlightRequestCard } from '../flight-request-card/flight-request-card.js';
import { routeShape } from '../flight-request-card/route.js';
import {
  renderTranscript,
  TranscriptScrollController,
  transcriptStrings,
  type TranscriptSnapshot,
  type TranscriptStore,
  type TranscriptStrings,
} from '../internal/chat-transcript.js';
import { sharedClock } from '../internal/clock.js';
import { Formatter } from '../internal/format.js';
import type {
  CompletionOutcome,
  FlightRequestStage,
  Session,
  SessionStatus,
} from '../internal/sdk.js';
import { resolveStrings } from '../internal/strings.js';
import type { OperatorThreadListStrings } from '../operator-thread-list/operator-thread-list.js';
import type { Clock, StringsOverride } from '../types.js';
import { chatSessionViewStyles } from './chat-session-view.styles.js';

/** The message store a session view reads and sends through: the SDK's `MessageStore` fits. */
export type SessionViewMessageStore = TranscriptStore & ComposerMessageStore;

/** Every user-visible string of `<chat-session-view>`, English by default. */
export interface ChatSessionViewStrings extends TranscriptStrings {
  /** Shown when no session is chosen. */
  noSession: string;
  /** Shown while the session's header loads. */
  loadingSession: string;
  /** Shown when the session could not be loaded. */
  sessionFailed: (reason: string) => string;
  /** A general chat without a title. */
  untitled: string;
  /** A flight request without legs or title. */
  routeNotSet: string;
  /** Said between two airports of a route (the arrow is not read). */
  routeTo: string;
  /** Said after a round trip's airports. */
  roundTrip: string;
  /** "6 passengers". */
  passengers: (count: number, formatted: string) => string;
  /** Stage labels. */
  stageLabels: Record<FlightRequestStage, string>;
  /** Status labels. */
  statusLabels: Record<SessionStatus, string>;
  /** Outcomes, as the Complete menu offers them and the status shows them. */
  outcomeLabels: Record<CompletionOutcome, string>;
  /** Shown when the session is in the trash. */
  inTrash: string;
  /** The lifecycle action buttons. */
  actionLabels: Record<LifecycleAction, string>;
  /** The actions group's accessible name. */
  actionsLabel: string;
  /** The outcome menu's accessible name. */
  outcomeMenuLabel: string;
  /** Said while an action is applied. */
  applying: (action: string) => string;
  /** Said when an action failed. */
  actionFailed: (action: string, reason: string) => string;
  /** The operator threads toggle. */
  operators: string;
  /** Unread operator replies, read after "Operators". */
  unreadReplies: (count: number, formatted: string) => string;
  /** The transcript's accessible name. */
  conversation: string;
}

const defaultStrings: ChatSessionViewStrings = {
  ...transcriptStrings,
  noSession: 'Choose a session to see its conversation.',
  loadingSession: 'Loading session…',
  sessionFailed: (reason) => `This session could not be loaded: ${reason}`,
  untitled: 'Untitled chat',
  routeNotSet: 'Route not set yet',
  routeTo: 'to',
  roundTrip: 'round trip',
  passengers: (count, formatted) => (count === 1 ? '1 passenger' : `${formatted} passengers`),
  stageLabels: FlightRequestCard.defaultStrings.stageLabels,
  statusLabels: {
    active: 'Active',
    paused: 'Paused',
    completed: 'Completed',
    archived: 'Archived',
  },
  outcomeLabels: { won: 'Won', lost: 'Lost', cancelled: 'Cancelled' },
  inTrash: 'In the trash',
  actionLabels: {
    pause: 'Pause',
    resume: 'Resume',
    complete: 'Complete',
    reopen: 'Reopen',
    archive: 'Archive',
    unarchive: 'Unarchive',
  },
  actionsLabel: 'Session status',
  outcomeMenuLabel: 'Outcome',
  applying: (action) => `${action}…`,
  actionFailed: (action, reason) => `${action} failed: ${reason}`,
  operators: 'Operators',
  unreadReplies: (count, formatted) =>
    count === 1 ? '1 unread reply' : `${formatted} unread replies`,
  conversation: 'Conversation',
};

const OUTCOMES: readonly CompletionOutcome[] = ['won', 'lost', 'cancelled'];

const composerParts =
  'base: composer-base, input: composer-input, send-button: composer-send-button, error: composer-error';

/** The newer of two rows of the same session (by change-feed version); `a` on a tie. */
function newer(a: Session | null | undefined, b: Session | null | undefined): Session | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return b.syncVersion > a.syncVersion ? b : a;
}

/**
 * One session, open: a header (the route or title, dates, passengers, stage and status, and
 * the lifecycle actions the session's status allows), the conversation with "load earlier"
 * paging that keeps the reader's place, and a composer that sends through the SDK (sending /
 * failed / retry shown on each message; the draft kept per session). Flight requests also get
 * their operator threads, behind the Operators toggle.
 *
 * Give it the SDK client (`client`, or a `<chat-sessions-provider>` around it) and the
 * session's id; it loads the rest. Pass the change-feed engine (`sync`) to see messages from
 * other devices live, and a `DraftStore` (`drafts`) to keep drafts. A host that already holds
 * the session (from its list) may pass it as `session`; the newest row wins.
 *
 * Lifecycle actions fire `chat-session-action` first (cancelable); unless the host takes over,
 * the view applies them through the session list of the provider (optimistically) or the client.
 *
 * @summary A session's header, conversation and composer.
 *
 * @example
 * ```html
 * <chat-session-view session-id="3b241101-e2bb-4255-8caf-4136c566a962"></chat-session-view>
 * <script type="module">
 *   import '@chat-sessions/elements/chat-session-view/define.js';
 *   import { ChangeFeedSync, DraftStore, createChatSessions } from '@chat-sessions/sdk';
 *   const view = document.querySelector('chat-session-view');
 *   view.client = createChatSessions({ supabase });
 *   view.sync = new ChangeFeedSync({ client: view.client }); view.sync.start();
 *   view.drafts = new DraftStore({ userId });
 * </script>
 * ```
 *
 * @slot empty - Shown when no session is chosen. Default: "Choose a session to see its conversation."
 *
 * @event chat-session-action - `ChatSessionActionEvent`: the user chose a lifecycle action.
 *   Cancelable (then the view applies nothing). Bubbles, composed.
 * @event chat-message-send - From the composer: the user sent a message. Bubbles, composed.
 * @event chat-message-retry - From a failed message: the user pressed Retry. Bubbles, composed.
 * @event chat-thread-open - From the operator threads. Bubbles, composed.
 * @event chat-thread-close - From the operator threads. Bubbles, composed.
 *
 * @csspart header - The header: heading, details, actions.
 * @csspart heading - The route or title.
 * @csspart route - The route, when the request has legs.
 * @csspart details - Dates, passengers, stage and status.
 * @csspart dates - The flight dates.
 * @csspart passengers - The passenger count.
 * @csspart stage-badge - The flight-request stage.
 * @csspart status - The lifecycle status.
 * @csspart actions - The lifecycle action buttons and the operators toggle.
 * @csspart action-button - One lifecycle action button.
 * @csspart menu - The outcome menu of Complete.
 * @csspart menu-item - One outcome.
 * @csspart action-status - "Pausing…" or why an action failed.
 * @csspart threads-toggle - Shows or hides the operator threads.
 * @csspart badge - Unread operator replies on the toggle.
 * @csspart body - The conversation (and the operator threads, when shown).
 * @csspart threads - The `<operator-thread-list>`.
 * @csspart transcript - The scrolling conversation (a log).
 * @csspart load-earlier-button - Loads the page of messages before the first one shown.
 * @csspart transcript-note - "Loading messages…" / "No messages yet".
 * @csspart transcript-error - Why messages could not be loaded, with Try again.
 * @csspart message-base - Each message's bubble (and message-header, message-author, message-time, message-content, message-delivery, message-retry-button).
 * @csspart composer - The `<chat-composer>` (and composer-base, composer-input, composer-send-button, composer-error).
 * @csspart empty - Shown without a session.
 * @csspart session-error - Why the session could not be loaded.
 *
 * @cssprop --chat-session-view-background - Background. Default: `--chat-color-surface`.
 * @cssprop --chat-session-view-header-background - Header background. Default: `--chat-color-surface`.
 * @cssprop --chat-session-view-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --chat-session-view-muted-color - Secondary text. Default: `--chat-color-text-muted`.
 * @cssprop --chat-session-view-border-color - Borders. Default: `--chat-color-border`.
 * @cssprop --chat-session-view-radius - Corner radius. Default: `--chat-radius`.
 * @cssprop --chat-session-view-accent - Badge and toggle accent. Default: `--chat-color-accent`.
 * @cssprop --chat-session-view-on-accent - Badge text. Default: `--chat-color-on-accent`.
 * @cssprop --chat-session-view-hover-background - Buttons under the pointer. Default: `--chat-color-surface-hover`.
 * @cssprop --chat-session-view-focus-ring-color - Focus ring. Default: `--chat-color-focus-ring`.
 * @cssprop --chat-session-view-error-color - Error text. Default: `--chat-color-danger`, `#b42318`.
 * @cssprop --chat-stage-requesting-quotes - A stage's colour (one per stage, as on the cards).
 * @cssprop --chat-status-paused - A status's colour (also completed, archived).
 */
export class ChatSessionView extends LitElement {
  static override styles = chatSessionViewStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<ChatSessionViewStrings> = defaultStrings;

  private readonly messages = new RuntimeStoreController<
    SessionViewMessageStore,
    TranscriptSnapshot
  >(this);
  private readonly sessionRow = new RuntimeStoreController<SessionStore, SessionSnapshot>(this);
  private readonly listController = new StoreController<SessionListView>(this);
  private readonly scrollKeeper = new TranscriptScrollController(
    this,
    () => this.transcript,
    () => this.messages.snapshot?.items ?? [],
  );

  /** The SDK client. Without it, the one of the enclosing `<chat-sessions-provider>`. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /**
   * The change-feed engine (the SDK's `ChangeFeedSync`) keeping messages and the session live.
   * Optional: the client's runtime runs one for the page (and adopts this one if it has none).
   */
  @property({ attribute: false }) sync: ChangeFeedSync | null = null;

  /** Where drafts are kept (the SDK's `DraftStore`); without it, drafts are not kept. */
  @property({ attribute: false }) drafts: ComposerDraftStore | null = null;

  /**
   * The conversation's message store (the SDK's `MessageStore` for this session). Optional: the
   * view takes the shared one from the client's runtime.
   */
  @property({ attribute: false }) store: SessionViewMessageStore | null = null;

  /** The id of the session to show. */
  @property({ attribute: 'session-id', reflect: true }) sessionId = '';

  /** The session, when the host already has it (e.g. from its list). Optional with a client. */
  @property({ attribute: false }) session: Session | null = null;

  /** Messages per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** The level of the heading that names the session (default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** BCP 47 locale for dates, numbers and times, e.g. `de-DE`. Empty: the viewer's. */
  @property() locale = '';

  /** Where "now" comes from. */
  @property({ attribute: false }) clock: Clock = sharedClock;

  /** Overrides for any of the view's strings (see `ChatSessionViewStrings`). */
  @property({ attribute: false }) strings: StringsOverride<ChatSessionViewStrings> = {};

  /** Overrides for the messages' strings. */
  @property({ attribute: false }) messageStrings: StringsOverride<ChatMessageStrings> = {};

  /** Overrides for the composer's strings. */
  @property({ attribute: false }) composerStrings: StringsOverride<ChatComposerStrings> = {};

  /** Overrides for the operator threads' strings. */
  @property({ attribute: false }) threadStrings: StringsOverride<OperatorThreadListStrings> = {};

  @consume({ context: chatSessionsClientContext, subscribe: true })
  @state()
  private providedClient: ChatSessionsClient | undefined;

  @consume({ context: sessionListContext, subscribe: true })
  @state()
  private providedList: SessionListSource | undefined;

  /** The session as last read from the server (get, the feed, an action's answer). */
  @state() private fetched: Session | null = null;
  @state() private sessionProblem = '';
  @state() private pendingAction: LifecycleAction | null = null;
  @state() private actionProblem = '';
  @state() private outcomeMenuOpen = false;
  @state() private threadsOpen = false;

  @query("[part~='transcript']") private transcript!: HTMLElement | null;

  private text: ChatSessionViewStrings = defaultStrings;
  private formatter: Formatter = Formatter.for(undefined);
  /** The session the view is bound to (its row and problems are reset on a change). */
  private boundSessionId = '';
  private shown: Session | null = null;
  private loadEarlierHadFocus = false;
  private focusActionsAfterUpdate = false;
  private focusMenuItem: 'first' | 'last' | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.text = resolveStrings(defaultStrings, this.strings);
    if (changed.has('locale')) this.formatter = Formatter.for(this.locale || undefined);
    this.listController.store = this.providedList ?? null;
    this.reconcile();
    this.shown = this.pickSession();
    const active = this.shadowRoot?.activeElement;
    this.loadEarlierHadFocus = active?.matches("[part~='load-earlier-button']") ?? false;
  }

  protected override updated(): void {
    if (
      this.loadEarlierHadFocus &&
      !this.shadowRoot?.querySelector("[part~='load-earlier-button']")
    ) {
      // Everything is loaded and the button is gone: keep focus in the conversation.
      this.transcript?.focus({ preventScroll: true });
    }
    if (this.focusActionsAfterUpdate) {
      this.focusActionsAfterUpdate = false;
      this.shadowRoot?.querySelector<HTMLElement>("[part~='action-button']")?.focus();
    }
    if (this.focusMenuItem) {
      const items = [
        ...(this.shadowRoot?.querySelectorAll<HTMLElement>("[part~='menu-item']") ?? []),
      ];
      (this.focusMenuItem === 'first' ? items[0] : items[items.length - 1])?.focus();
      this.focusMenuItem = null;
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.scrollKeeper.settled;
    return result;
  }

  /** The session id shown: `sessionId`, or the id of `session`. */
  private get currentSessionId(): string {
    return this.sessionId || this.session?.id || '';
  }

  private get currentClient(): ChatSessionsClient | null {
    return this.client ?? this.providedClient ?? null;
  }

  /** Takes (or keeps) the message store and the live session row for the current inputs. */
  private reconcile(): void {
    const sessionId = this.currentSessionId;
    if (sessionId !== this.boundSessionId) {
      this.boundSessionId = sessionId;
      this.fetched = null;
      this.sessionProblem = '';
      this.actionProblem = '';
      this.outcomeMenuOpen = false;
      this.threadsOpen = false;
    }
    const before = this.messages.store;
    const pageSize = this.pageSize;
    this.messages.use({
      store: this.store,
      client: this.client,
      sync: this.sync,
      key: `${sessionId}/${pageSize}`,
      select: (runtime) => (sessionId ? runtime.messages({ sessionId, pageSize }) : null),
    });
    this.sessionRow.use({
      client: this.client,
      sync: this.sync,
      key: sessionId,
      select: (runtime) => (sessionId ? runtime.session(sessionId) : null),
    });
    const row = this.sessionRow.snapshot;
    if (row?.session) this.fetched = newer(this.fetched, row.session);
    if (row?.error) this.sessionProblem = row.error.message;
    const store = this.messages.store;
    if (store !== before) {
      this.scrollKeeper.reset();
      if (store === this.store && store) {
        // The host's store: load it if nobody has (runtime stores load on their first watcher).
        queueMicrotask(() => {
          const snapshot = store.getSnapshot();
          if (!snapshot.loaded && !snapshot.loading) void store.load();
        });
      }
    }
  }

  /**
   * The row to show: the newest of the host's, the provider list's (which carries optimistic
   * changes, so it wins a tie) and the view's own.
   */
  private pickSession(): Session | null {
    const id = this.currentSessionId;
    if (!id) return null;
    const listed =
      this.listController.snapshot?.items.find((candidate) => candidate.id === id) ?? null;
    const given = this.session?.id === id ? this.session : null;
    return newer(newer(listed, given), this.fetched);
  }

  /** Applies a lifecycle action, unless the host takes it over. */
  private async runAction(
    action: LifecycleAction,
    outcome: CompletionOutcome | null = null,
  ): Promise<void> {
    const session = this.shown;
    if (!session || this.pendingAction) return;
    const event = new ChatSessionActionEvent(session, action, outcome);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const input: TransitionInput = outcome ? { action, outcome } : { action };
    const list = this.providedList;
    const listed = list?.getSnapshot().items.some((candidate) => candidate.id === session.id);
    const client = this.currentClient;
    if (!(list && listed) && !client) return;
    this.pendingAction = action;
    this.actionProblem = '';
    const result =
      list && listed
        ? await list.transition(session.id, input)
        : await client!.sessions.transition(session.id, input);
    this.pendingAction = null;
    if (result.error) {
      this.actionProblem = this.text.actionFailed(
        this.text.actionLabels[action],
        result.error.message,
      );
    } else if ('data' in result && result.data) {
      this.fetched = newer(this.fetched, result.data as Session);
    }
    this.focusActionsAfterUpdate = this.matches(':focus-within') && !this.transcriptHasFocus();
  }

  private transcriptHasFocus(): boolean {
    const active = this.shadowRoot?.activeElement;
    return !!active && !!this.transcript?.contains(active);
  }

  private handleActionClick(event: Event): void {
    const action = (event.currentTarget as HTMLElement).dataset.action as LifecycleAction;
    if (action === 'complete') {
      this.outcomeMenuOpen = !this.outcomeMenuOpen;
      if (this.outcomeMenuOpen) this.focusMenuItem = 'first';
      return;
    }
    void this.runAction(action);
  }

  private handleCompleteKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.outcomeMenuOpen = true;
      this.focusMenuItem = event.key === 'ArrowDown' ? 'first' : 'last';
    }
  }

  private handleMenuKeyDown(event: KeyboardEvent): void {
    const items = [
      ...(this.shadowRoot?.querySelectorAll<HTMLElement>("[part~='menu-item']") ?? []),
    ];
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = items[(index + 1) % items.length];
        break;
      case 'ArrowUp':
        next = items[(index - 1 + items.length) % items.length];
        break;
      case 'Home':
        next = items[0];
        break;
      case 'End':
        next = items[items.length - 1];
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.closeOutcomeMenu(true);
        return;
      case 'Tab':
        this.outcomeMenuOpen = false;
        return;
      default:
        return;
    }
    event.preventDefault();
    next?.focus();
  }

  private closeOutcomeMenu(returnFocus: boolean): void {
    this.outcomeMenuOpen = false;
    if (returnFocus)
      this.shadowRoot?.querySelector<HTMLElement>("[data-action='complete']")?.focus();
  }

  private handleOutcomeClick(event: Event): void {
    const outcome = (event.currentTarget as HTMLElement).dataset.outcome as CompletionOutcome;
    this.closeOutcomeMenu(true);
    void this.runAction('complete', outcome);
  }

  private handleMenuFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const anchor = event.currentTarget as HTMLElement;
    if (next && anchor.contains(next)) return;
    this.outcomeMenuOpen = false;
  }

  private handleThreadsToggle(): void {
    this.threadsOpen = !this.threadsOpen;
  }

  private handleLoadEarlier(): void {
    const store = this.messages.store as SessionViewMessageStore | null;
    void store?.loadOlder();
  }

  private handleReload(): void {
    const store = this.messages.store as SessionViewMessageStore | null;
    void store?.load();
  }

  private handleRetry(event: ChatMessageRetryEvent): void {
    const store = this.messages.store as SessionViewMessageStore | null;
    void store?.retry(event.messageId);
  }

  private handleSend(): void {
    // The reader wrote it: show it, wherever they had scrolled to.
    this.scrollKeeper.followNextUpdate();
  }

  /** The heading's content and what it is read as ("TEB to VNY, round trip"). */
  private renderHeading(session: Session): { content: TemplateResult; spoken: string } {
    const text = this.text;
    const title = session.title.trim();
    if (session.kind !== 'flight_request') {
      const name = title || text.untitled;
      return { content: html`<span part="title">${name}</span>`, spoken: name };
    }
    const shape = routeShape(session.tripType, session.legs);
    if (shape.type === 'none') {
      const name = title || text.routeNotSet;
      return { content: html`<span part="title">${name}</span>`, spoken: name };
    }
    const arrow = shape.type === 'round_trip' ? '⇄' : '→';
    const chains = shape.chains.map(
      (chain, chainIndex) =>
        html`${chainIndex > 0 ? ', ' : nothing}${chain.map(
          (code, index) =>
            html`${index > 0 ? html`<span class="arrow">${arrow}</span>` : nothing}${code}`,
        )}`,
    );
    const spoken =
      shape.chains.map((chain) => chain.join(` ${text.routeTo} `)).join(', ') +
      (shape.type === 'round_trip' ? `, ${text.roundTrip}` : '');
    return { content: html`<span part="route">${chains}</span>`, spoken };
  }

  private renderDetails(session: Session): TemplateResult {
    const text = this.text;
    const now = this.clock.now();
    const shape =
      session.kind === 'flight_request' ? routeShape(session.tripType, session.legs) : null;
    const dates = shape?.dates
      ? shape.dates.last
        ? this.formatter.calendarRange(shape.dates.first, shape.dates.last, now, 'long')
        : this.formatter.calendarDate(shape.dates.first, now, 'long')
      : '';
    const status =
      session.deletedAt !== null
        ? text.inTrash
        : session.status === 'completed' && session.outcome
          ? `${text.statusLabels.completed} · ${text.outcomeLabels[session.outcome]}`
          : text.statusLabels[session.status];
    return html`<div part="details">
      ${dates ? html`<span part="dates">${dates}</span>` : nothing}
      ${
        session.passengers !== null
          ? html`<span part="passengers">${text.passengers(session.passengers, this.formatter.number(session.passengers))}</span>`
          : nothing
      }
      ${
        session.stage
          ? html`<span part="stage-badge" data-stage=${session.stage}>${text.stageLabels[session.stage]}</span>`
          : nothing
      }
      <span part="status" data-status=${session.status}>${status}</span>
    </div>`;
  }

  private renderActions(session: Session): TemplateResult {
    const text = this.text;
    const actions = session.deletedAt === null ? TRANSITIONS[session.status] : [];
    const busy = this.pendingAction !== null;
    const flightRequest = session.kind === 'flight_request';
    return html`<div part="actions" role="group" aria-label=${text.actionsLabel}>
      ${actions.map((action) =>
        action === 'complete'
          ? html`<div class="menu-anchor" @focusout=${this.handleMenuFocusOut}>
              <button
                part="action-button"
                type="button"
                data-action="complete"
                aria-haspopup="menu"
                aria-expanded=${this.outcomeMenuOpen ? 'true' : 'false'}
                aria-controls="outcome-menu"
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${busy ? null : this.handleActionClick}
                @keydown=${busy ? null : this.handleCompleteKeyDown}
              >
                ${text.actionLabels.complete}
              </button>
              ${
                this.outcomeMenuOpen
                  ? html`<div part="menu" id="outcome-menu" role="menu" aria-label=${text.outcomeMenuLabel} @keydown=${this.handleMenuKeyDown}>
                    ${OUTCOMES.map(
                      (outcome) => html`<button
                        part="menu-item"
                        role="menuitem"
                        type="button"
                        tabindex="-1"
                        data-outcome=${outcome}
                        @click=${this.handleOutcomeClick}
                      >
                        ${text.outcomeLabels[outcome]}
                      </button>`,
                    )}
                  </div>`
                  : nothing
              }
            </div>`
          : html`<button
              part="action-button"
              type="button"
              data-action=${action}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${busy ? null : this.handleActionClick}
            >
              ${text.actionLabels[action]}
            </button>`,
      )}
      ${flightRequest ? this.renderThreadsToggle(session) : nothing}
      <span part="action-status" role="status" class=${this.actionProblem ? 'error' : ''}
        >${
          this.pendingAction
            ? text.applying(text.actionLabels[this.pendingAction])
            : this.actionProblem
        }</span
      >
    </div>`;
  }

  private renderThreadsToggle(session: Session): TemplateResult {
    const unread = session.unreadCount;
    const label =
      unread > 0
        ? `${this.text.operators}, ${this.text.unreadReplies(unread, this.formatter.number(unread))}`
        : this.text.operators;
    return html`<button
      part="threads-toggle"
      type="button"
      aria-label=${label}
      aria-expanded=${this.threadsOpen ? 'true' : 'false'}
      aria-controls="threads"
      @click=${this.handleThreadsToggle}
    >
      ${this.text.operators}
      ${unread > 0 ? html`<span part="badge">${this.formatter.count(unread)}</span>` : nothing}
    </button>`;
  }

  private renderHeader(session: Session | null): TemplateResult {
    if (!session) {
      return html`<header part="header">
        ${
          this.sessionProblem
            ? html`<p part="session-error" role="alert">${this.text.sessionFailed(this.sessionProblem)}</p>`
            : html`<p part="heading" role="heading" aria-level=${this.headingLevel}>${this.text.loadingSession}</p>`
        }
      </header>`;
    }
    const heading = this.renderHeading(session);
    return html`<header part="header">
      <div part="heading" role="heading" aria-level=${this.headingLevel} aria-label=${heading.spoken}>
        ${heading.content}
      </div>
      ${this.renderDetails(session)} ${this.renderActions(session)}
    </header>`;
  }

  protected override render(): TemplateResult {
    const sessionId = this.currentSessionId;
    if (!sessionId) {
      return html`<div part="empty"><slot name="empty">${this.text.noSession}</slot></div>`;
    }
    const session = this.shown;
    const store = this.messages.store as SessionViewMessageStore | null;
    const threadsShown = this.threadsOpen && session?.kind === 'flight_request';
    return html`
      ${this.renderHeader(session)}
      <div part="body" class=${threadsShown ? 'with-threads' : ''}>
        ${
          threadsShown
            ? html`<operator-thread-list
              id="threads"
              part="threads"
              session-id=${sessionId}
              .client=${this.currentClient}
              .sync=${this.sync}
              .drafts=${this.drafts}
              locale=${this.locale}
              .clock=${this.clock}
              .strings=${this.threadStrings}
              .messageStrings=${this.messageStrings}
              .composerStrings=${this.composerStrings}
            ></operator-thread-list>`
            : nothing
        }
        <div
          part="transcript"
          role="log"
          aria-label=${this.text.conversation}
          tabindex="0"
          @chat-message-retry=${this.handleRetry}
        >
          ${renderTranscript({
            snapshot: this.messages.snapshot,
            strings: this.text,
            locale: this.locale,
            clock: this.clock,
            messageStrings: this.messageStrings,
            onLoadEarlier: () => this.handleLoadEarlier(),
            onReload: () => this.handleReload(),
          })}
        </div>
        <chat-composer
          part="composer"
          exportparts=${composerParts}
          session-id=${sessionId}
          .store=${store}
          .drafts=${this.drafts}
          locale=${this.locale}
          .strings=${this.composerStrings}
          ?disabled=${session ? session.deletedAt != null : this.sessionProblem !== ''}
          @chat-message-send=${this.handleSend}
        ></chat-composer>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-session-view': ChatSessionView;
  }
}

import { problemText } from '../internal/problem-text.js';
import { PreferencesController } from '../controllers/preferences-controller.js';
import {
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
import {
  ChatMessageRetryEvent,
  ChatSessionActionEvent,
  ChatSessionRestoreEvent,
  ChatThreadsToggleEvent,
} from '../events.js';
import {
  ConnectionRecoveryController,
  renderTranscript,
  TranscriptScrollController,
  type TranscriptSnapshot,
  type TranscriptStore,
} from '../internal/chat-transcript.js';
import { sharedClock } from '../internal/clock.js';
import { Formatter } from '../internal/format.js';
import type { CompletionOutcome, Session } from '../internal/sdk.js';
import type { OperatorThreadListStrings } from '../operator-thread-list/operator-thread-list.js';
import type { Clock, StringsOverride } from '../types.js';
import { MenuController } from '../parts/menu.js';
import { renderSessionHeader, type SessionHeaderView } from './header.js';
import { renderComposerArea, transcriptText } from './composer-area.js';
import {
  writeSessionRestore,
  writeSessionTransition,
  type SessionPatchTarget,
} from '../actions/session-patch.js';
import { DealController } from './deal-controller.js';
import type { ChatRequestEditorCloseEvent } from '../request-editor/events.js';
import { chatSessionViewStyles } from './chat-session-view.styles.js';
import { defaultSessionViewStrings, type ChatSessionViewStrings } from './strings.js';

export type { ChatSessionViewStrings } from './strings.js';

/** The message store a session view reads and sends through: the SDK's `MessageStore` fits. */
export type SessionViewMessageStore = TranscriptStore & ComposerMessageStore;

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
 * @event chat-session-restore - `ChatSessionRestoreEvent`: Restore on a trashed session. Cancelable (then the view applies nothing). Bubbles, composed.
 * @event chat-session-edit - `ChatSessionEditEvent`: the broker moved the stage (stepper) or
 *   saved the request editor. Cancelable (then nothing is saved). Bubbles, composed.
 * @event chat-message-send - From the composer: the user sent a message. Bubbles, composed.
 * @event chat-message-retry - From a failed message: the user pressed Retry. Bubbles, composed.
 * @event chat-thread-open - From the operator threads. Bubbles, composed.
 * @event chat-thread-close - From the operator threads. Bubbles, composed.
 * @event chat-threads-toggle - `ChatThreadsToggleEvent`, with `external-threads` only: the
 *   Operators toggle was pressed. Bubbles, not composed (for the element that shows the threads).
 *
 * @csspart header - The header: heading, details, actions.
 * @csspart heading - The route or title.
 * @csspart deal-name - The deal's name (a flight request's title that names the deal), truncated.
 * @csspart route - The route, when the request has legs (under the deal's name, when there is one).
 * @csspart details - Dates, passengers, stage and status.
 * @csspart dates - The flight dates.
 * @csspart passengers - The passenger count.
 * @csspart stage-badge - The flight-request stage.
 * @csspart status - The lifecycle status.
 * @csspart actions - The lifecycle action buttons and the operators toggle.
 * @csspart actions-toggle - In a narrow view (under 480 px), shows or hides the stepper and the actions (the operators toggle stays).
 * @csspart header-actions - The stepper and the actions; hidden behind `actions-toggle` in a narrow view.
 * @csspart action-button - One lifecycle action button.
 * @csspart menu - The outcome menu of Complete.
 * @csspart menu-item - One outcome.
 * @csspart action-status - "Pausing…" or why an action failed.
 * @csspart edit-request-button - Opens the request editor (flight requests).
 * @csspart pipeline - The stage-stepper toolbar (stage-step buttons, stage-step-label) and stage-row: stage-picker (stage-picker-label, stage-picker-value; its menu stage-menu of stage-menu-item) and stage-next-button.
 * @csspart request-editor - The `<chat-request-editor>`, under the actions while open.
 * @csspart composer-area - The composer and, for a paused session, paused-note above it.
 * @csspart closed-bar - In place of the composer of a completed or archived session, with
 *   closed-note and reply-button ("Reopen to reply", "Unarchive to reply"); for a trashed
 *   session it is also `trash-bar` and its button `restore-button`.
 * @csspart threads-toggle - Shows or hides the operator threads.
 * @csspart badge - Unread operator replies on the toggle.
 * @csspart body - The conversation (and the operator threads, when shown).
 * @csspart threads - The `<operator-thread-list>`.
 * @csspart transcript - The scrolling conversation (a log).
 * @csspart load-earlier-button - Loads the page of messages before the first one shown.
 * @csspart transcript-note - "Loading messages…" / "No messages yet".
 * @csspart transcript-error - Why messages could not be loaded, with Try again.
 * @csspart transcript-offline - Instead of transcript-error while offline (also transcript-note).
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
  static readonly defaultStrings: Readonly<ChatSessionViewStrings> = defaultSessionViewStrings;

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
  /** Offline, a failed load says so, and loads again once the connection is back. */
  private readonly connection = new ConnectionRecoveryController(
    this,
    () => this.client,
    () => [this.messages.store, this.sessionRow.store],
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
  @state() private restoring = false;
  @state() private actionProblem = '';
  @state() private outcomeMenuOpen = false;
  /** Whether the operator threads are shown (the Operators toggle sets it). */
  @property({ type: Boolean, attribute: 'threads-open' }) threadsOpen = false;

  /**
   * The host shows the operator threads (as `<chat-workspace>` does): the Operators toggle
   * fires `chat-threads-toggle` and the view renders no thread list of its own.
   */
  @property({ type: Boolean, attribute: 'external-threads' }) externalThreads = false;

  @query("[part~='transcript']") private transcript!: HTMLElement | null;

  /** The Complete button's outcome menu (rendered beside it, so Tab moves on). */
  private readonly outcomeMenu = new MenuController(this, {
    menu: () => this.shadowRoot?.querySelector<HTMLElement>('#outcome-menu') ?? null,
    close: (returnFocus) => this.closeOutcomeMenu(returnFocus),
    tab: 'leave',
  });

  /** The stage stepper and the request editor. */
  private readonly deal = new DealController(this, {
    session: () => this.shown,
    text: () => this.text,
    target: () => this.writeTarget,
    saved: (session) => (this.fetched = newer(this.fetched, session)),
    problem: (message) => (this.actionProblem = message),
  });
  private focusComposerAfterAction = false;

  private text: ChatSessionViewStrings = defaultSessionViewStrings;
  private readonly preferences = new PreferencesController(this, 'sessionView');
  private formatter: Formatter = Formatter.for(undefined);
  /** The session the view is bound to (its row and problems are reset on a change). */
  private boundSessionId = '';
  private shown: Session | null = null;
  private loadEarlierHadFocus = false;
  private focusActionsAfterUpdate = false;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultSessionViewStrings, this.strings);
    this.formatter = Formatter.for(this.preferences.locale(this.locale));
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

  /** Where writes go: the shared list when it lists the session, else the client. */
  private get writeTarget(): SessionPatchTarget {
    return { list: this.providedList, client: this.currentClient };
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
      if (!this.externalThreads) this.threadsOpen = false;
      this.deal.reset();
    }
    const before = this.messages.store;
    const pageSize = this.pageSize;
    this.messages.use({
      store: this.store,
      client: this.client,
      sync: this.sync,
      key: `${sessionId}/${pageSize}`,
      conversation: true,
      select: (runtime) => (sessionId ? runtime.messages({ sessionId, pageSize }) : null),
    });
    this.sessionRow.use({
      client: this.client,
      sync: this.sync,
      key: sessionId,
      conversation: true,
      select: (runtime) => (sessionId ? runtime.session(sessionId) : null),
    });
    const row = this.sessionRow.snapshot;
    if (row?.session) this.fetched = newer(this.fetched, row.session);
    if (row) this.sessionProblem = row.error?.message ?? '';
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
    if (!this.dispatchEvent(new ChatSessionActionEvent(session, action, outcome))) return;
    const input: TransitionInput = outcome ? { action, outcome } : { action };
    if (!this.providedList && !this.currentClient) return;
    this.pendingAction = action;
    this.actionProblem = '';
    const result = await writeSessionTransition(this.writeTarget, session.id, input);
    this.pendingAction = null;
    if (result.error) {
      const label = this.text.actionLabels[action];
      this.actionProblem = this.text.actionFailed(label, problemText(result.error));
    } else if (result.data) {
      this.fetched = newer(this.fetched, result.data);
    }
    if (this.focusComposerAfterAction) {
      // From the closed bar: the broker wants to write, and the composer is back.
      this.focusComposerAfterAction = false;
      if (!result.error) {
        await this.updateComplete;
        this.shadowRoot?.querySelector<HTMLElement>('chat-composer')?.focus();
        return;
      }
    }
    this.focusActionsAfterUpdate = this.matches(':focus-within') && !this.transcriptHasFocus();
  }

  private handleReplyAction(action: LifecycleAction): void {
    this.focusComposerAfterAction = true;
    void this.runAction(action);
  }

  /** Restore from the trash bar, unless the host takes `chat-session-restore` over. */
  private async handleRestore(): Promise<void> {
    const session = this.shown;
    if (!session || this.restoring) return;
    if (!this.dispatchEvent(new ChatSessionRestoreEvent(session))) return;
    this.restoring = true;
    const { data, error } = await writeSessionRestore(this.writeTarget, session.id);
    this.restoring = false;
    if (data) this.fetched = newer(this.fetched, data);
    this.actionProblem = error ? this.text.actionFailed(this.text.restore, problemText(error)) : '';
  }

  private handleEditorClose(event: ChatRequestEditorCloseEvent): void {
    if (event.session) this.fetched = newer(this.fetched, event.session);
    this.deal.closeEditor(event.returnFocus);
  }

  private transcriptHasFocus(): boolean {
    const active = this.shadowRoot?.activeElement;
    return !!active && !!this.transcript?.contains(active);
  }

  private handleActionClick(event: Event): void {
    const action = (event.currentTarget as HTMLElement).dataset.action as LifecycleAction;
    if (action === 'complete') {
      this.outcomeMenuOpen = !this.outcomeMenuOpen;
      if (this.outcomeMenuOpen) this.outcomeMenu.opened('first');
      return;
    }
    void this.runAction(action);
  }

  private handleCompleteKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.outcomeMenuOpen = true;
      this.outcomeMenu.opened(event.key === 'ArrowDown' ? 'first' : 'last');
    }
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

  /** Moves focus to the composer, once it is rendered (e.g. after the host created the session). */
  async focusComposer(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('chat-composer')?.focus();
  }

  private handleThreadsToggle(): void {
    this.threadsOpen = !this.threadsOpen;
    if (this.externalThreads) {
      // Built first: the manifest analyzer would take the argument for an event name.
      const toggled = new ChatThreadsToggleEvent(this.threadsOpen);
      this.dispatchEvent(toggled);
    }
  }

  private handleRetry(event: ChatMessageRetryEvent): void {
    const store = this.messages.store;
    void store?.retry(event.messageId);
  }

  private handleSend(): void {
    // The reader wrote it: show it, wherever they had scrolled to.
    this.scrollKeeper.followNextUpdate();
  }

  private headerView(): SessionHeaderView {
    return {
      text: this.text,
      formatter: this.formatter,
      clock: this.clock,
      headingLevel: this.headingLevel,
      sessionProblem: this.sessionProblem,
      actionProblem: this.actionProblem,
      pendingAction: this.pendingAction,
      outcomeMenuOpen: this.outcomeMenuOpen,
      outcomeMenu: this.outcomeMenu,
      threadsOpen: this.threadsOpen,
      threadsElsewhere: this.externalThreads,
      handleActionClick: (event) => this.handleActionClick(event),
      handleCompleteKeyDown: (event) => this.handleCompleteKeyDown(event),
      handleOutcomeClick: (event) => this.handleOutcomeClick(event),
      handleThreadsToggle: () => this.handleThreadsToggle(),
      stageStepper: this.deal.stepperView(),
      editorOpen: this.deal.editorOpen,
      actionsShown: this.deal.actionsShown,
      handleActionsToggle: () => this.deal.toggleActions(),
      editor: this.deal.renderEditor(this.locale, (event) => this.handleEditorClose(event)),
      handleEditRequest: () => void this.deal.toggleEditor(),
    };
  }

  protected override render(): TemplateResult {
    const sessionId = this.currentSessionId;
    if (!sessionId) {
      return html`<div part="empty"><slot name="empty">${this.text.noSession}</slot></div>`;
    }
    const session = this.shown;
    const store = this.messages.store;
    const threadsShown =
      this.threadsOpen && session?.kind === 'flight_request' && !this.externalThreads;
    return html`
      ${renderSessionHeader(this.headerView(), session)}
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
            strings: transcriptText(this.text, session),
            locale: this.locale,
            clock: this.clock,
            messageStrings: this.messageStrings,
            offline: this.connection.offline,
            onLoadEarlier: () => void this.messages.store?.loadOlder(),
            onReload: () => void this.messages.store?.load(),
          })}
        </div>
        ${renderComposerArea(
          {
            text: this.text,
            busy: this.pendingAction !== null || this.restoring,
            handleReopen: (action: LifecycleAction) => this.handleReplyAction(action),
            handleRestore: () => void this.handleRestore(),
            sessionId,
            store,
            drafts: this.drafts,
            locale: this.locale,
            strings: this.composerStrings,
            disabled: session ? session.deletedAt != null : this.sessionProblem !== '',
            handleSend: () => this.handleSend(),
          },
          session,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-session-view': ChatSessionView;
  }
}

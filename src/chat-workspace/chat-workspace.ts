import type { ChangeFeedSync, ChatSessionsClient } from '@chat-sessions/sdk';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { property, query, state } from 'lit/decorators.js';
import type { ComposerDraftStore } from '../chat-composer/chat-composer.js';
import type { ChatSessionView } from '../chat-session-view/chat-session-view.js';
import type { ChatSidebar } from '../chat-sidebar/chat-sidebar.js';
import type { QuickCreateParser } from '../chat-sidebar/quick-create.js';
import { sessionListContext } from '../context.js';
import type { SessionListSource, SessionListView } from '../controllers/session-list-source.js';
import { StoreController } from '../controllers/store-controller.js';
import type {
  ChatSessionCreateEvent,
  ChatSessionDeleteEvent,
  ChatSessionSelectEvent,
  ChatThreadCloseEvent,
  ChatThreadOpenEvent,
  ChatThreadsToggleEvent,
} from '../events.js';
import type { Session } from '../internal/sdk.js';
import type { StringsOverride } from '../types.js';
import { chatWorkspaceStyles } from './chat-workspace.styles.js';
import { ConversationLoader } from './conversation-loader.js';
import {
  WorkspaceHistoryController,
  type WorkspaceHistoryMode,
  type WorkspaceLocation,
  type WorkspacePane,
} from './history-controller.js';
import { WorkspaceLayoutController, type WorkspaceLayout } from './layout-controller.js';
import { defaultWorkspaceStrings, type ChatWorkspaceStrings } from './strings.js';

export type { ChatWorkspaceStrings } from './strings.js';
export type { WorkspaceHistoryMode, WorkspacePane } from './history-controller.js';
export type { WorkspaceLayout } from './layout-controller.js';

/** `theme`: `light` (the default tokens), `dark`, or `auto` (follows `prefers-color-scheme`). */
export type WorkspaceTheme = 'light' | 'dark' | 'auto';

/** `density`: `comfortable` (the default) or `compact` (two-line cards, about twice as many). */
export type WorkspaceDensity = 'comfortable' | 'compact';

/**
 * The whole broker workspace in one tag: the session list (`<chat-sidebar>`), the open
 * conversation (`<chat-session-view>`) and its operator threads (`<operator-thread-list>`),
 * laid out by the element's own width, not the viewport's, so it fits a phone, a wide monitor
 * or a column of a host page:
 *
 * - wide (1080 px and up): list, conversation and threads side by side;
 * - medium (640 px and up): list and conversation; the threads open as a drawer;
 * - narrow: one pane at a time, list → conversation → threads, with a Back button, and (with
 *   `history="state"` or `"url"`) the browser's Back too.
 *
 * One reply field shows at a time: while an operator thread is open beside the conversation,
 * the main composer gives way to a line saying where replies go. Creating a session (New or
 * quick create) puts focus in its composer. A skip link, first in the tab order, jumps to the
 * list. The pieces stay usable alone.
 *
 * Give it the SDK client and a session list (`client`, `store`), or put it inside a
 * `<chat-sessions-provider>`.
 *
 * @summary Sidebar, conversation and operator threads, responsive, in one element.
 *
 * @example
 * ```html
 * <chat-sessions-provider>
 *   <chat-workspace theme="auto" density="compact" history="url"></chat-workspace>
 * </chat-sessions-provider>
 * <script type="module">
 *   import '@chat-sessions/elements/chat-sessions-provider/define.js';
 *   import '@chat-sessions/elements/chat-workspace/define.js';
 *   const provider = document.querySelector('chat-sessions-provider');
 *   provider.client = createChatSessions({ supabase });
 *   provider.store = getRuntime(provider.client).sessionList({ tab: 'active' });
 * </script>
 * ```
 *
 * @event chat-session-select - From the list: the broker opened a session. Bubbles, composed.
 * @event chat-thread-open - From the threads. Bubbles, composed.
 * @event chat-thread-close - From the threads. Bubbles, composed.
 *
 * @csspart base - The grid holding the panes.
 * @csspart skip-link - "Skip to the session list", shown when focused.
 * @csspart list-pane - The region holding the `<chat-sidebar>`.
 * @csspart session-pane - The region holding the `<chat-session-view>`.
 * @csspart threads-pane - The region (column or drawer) holding the `<operator-thread-list>`.
 * @csspart pane-bar - The bar above a pane: Back or Close, and its heading.
 * @csspart pane-heading - The threads pane's heading.
 * @csspart connection - Under the pane bar in the narrow layout, where the list (and its own
 *   status line) is hidden: the `<chat-connection-status>` line (offline, reconnecting, waiting).
 * @csspart back-button - Back to the list or the conversation (narrow layout).
 * @csspart close-threads-button - Closes the threads (medium and wide layouts).
 * @csspart thread-note - "Replying to … in the operator thread", where the main composer was.
 * @csspart main-reply-button - Closes the thread, bringing the main composer back.
 * @csspart empty - What to do while no conversation is open.
 * @csspart list-heading - The list's heading (the sidebar's `heading`).
 * @csspart tab - A tab of the list (with `selected` on the chosen one).
 * @csspart card-base - Each card's box in the list.
 *
 * @cssprop --chat-workspace-background - Background. Default: `--chat-color-surface`.
 * @cssprop --chat-workspace-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --chat-workspace-muted-color - Secondary text. Default: `--chat-color-text-muted`.
 * @cssprop --chat-workspace-border-color - Pane borders. Default: `--chat-color-border`.
 * @cssprop --chat-workspace-list-width - The list's width (wide layout). Default: `clamp(300px, 30%, 420px)`.
 * @cssprop --chat-workspace-threads-width - The threads column's width. Default: `clamp(300px, 28%, 380px)`.
 */
export class ChatWorkspace extends LitElement {
  static override styles = chatWorkspaceStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<ChatWorkspaceStrings> = defaultWorkspaceStrings;

  private readonly layoutController = new WorkspaceLayoutController(this, (layout) =>
    this.handleLayoutChange(layout),
  );
  private readonly historyController = new WorkspaceHistoryController(this, {
    mode: () => this.history,
    restore: (location) => this.restore(location),
  });

  /** The SDK client. Without it, the one of the enclosing `<chat-sessions-provider>`. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /** The session list the sidebar shows. Without it, the provider's. */
  @property({ attribute: false }) store: SessionListSource | null = null;

  /** The change-feed engine (optional: the client's runtime runs one). */
  @property({ attribute: false }) sync: ChangeFeedSync | null = null;

  /** Where drafts are kept (the SDK's `DraftStore`). */
  @property({ attribute: false }) drafts: ComposerDraftStore | null = null;

  /** The open session's id, or empty. Set it to open one. Reflected. */
  @property({ attribute: 'session-id', reflect: true }) sessionId = '';

  /** The open operator thread's id, or empty. Reflected. */
  @property({ attribute: 'thread-id', reflect: true }) threadId = '';

  /** `light` (default), `dark`, or `auto` (follows the viewer's `prefers-color-scheme`). */
  @property({ reflect: true }) theme: WorkspaceTheme = 'light';

  /** `comfortable` (default) or `compact`. */
  @property({ reflect: true }) density: WorkspaceDensity = 'comfortable';

  /** Where the place is kept: `none` (default), `state` (history entries) or `url` (and the address). */
  @property() history: WorkspaceHistoryMode = 'none';

  /** The layout the element's width gives. Set by the element; reflected for host styles. */
  @property({ reflect: true }) layout: WorkspaceLayout = 'narrow';

  /** Quick create's metadata endpoint (see `<chat-sidebar>`). */
  @property({ attribute: 'metadata-endpoint' }) metadataEndpoint = '';

  /** Quick create's parser (see `<chat-sidebar>`). */
  @property({ attribute: false }) metadataParser: QuickCreateParser | null = null;

  /** The level of the list's and the conversation's headings (default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Overrides for any of the workspace's strings (see `ChatWorkspaceStrings`). */
  @property({ attribute: false }) strings: StringsOverride<ChatWorkspaceStrings> = {};

  /** The pane in front on a narrow screen. */
  @state() private pane: WorkspacePane = 'list';
  /** Whether the operator threads are shown (column, drawer or pane). */
  @state() private threadsOpen = false;
  /** The open thread's operator, for the note where the main composer was. */
  @state() private threadOperator = '';
  /** The open session's kind, when known (from the list). */
  @state() private kind: Session['kind'] | null = null;

  @consume({ context: sessionListContext, subscribe: true })
  @state()
  private providedList: SessionListSource | undefined;

  @query('chat-sidebar') private sidebar!: ChatSidebar | null;
  @query('chat-session-view') private view!: ChatSessionView | null;

  private text: ChatWorkspaceStrings = defaultWorkspaceStrings;
  /** The list, read to learn the open session's kind when it was opened by a link. */
  private readonly list = new StoreController<SessionListView>(this);
  /** The session whose threads were last opened or closed for it (wide layout). */
  private threadsDecidedFor = '';
  /** The session `kind` belongs to. */
  private kindFor = '';
  /** Set by a create in the list: the next opened session gets focus in its composer. */
  private focusComposerOnOpen = false;
  private focusAfterUpdate: (() => void) | null = null;
  /** The last list interaction was a pointer's (a tap opens no on-screen keyboard). */
  private pointerInList = false;
  /** The conversation pane's lazy chunk: at once for a session, else while idle. */
  private readonly conversation = new ConversationLoader(this);

  override connectedCallback(): void {
    super.connectedCallback();
    const initial = this.historyController.initial();
    if (initial && !this.sessionId) this.restore(initial);
    else if (this.sessionId) this.pane = 'session';
    this.recordPlace('replace');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.text = { ...defaultWorkspaceStrings, ...this.strings };
    if (this.layout !== this.layoutController.layout) this.layout = this.layoutController.layout;
    this.list.store = this.store ?? this.providedList ?? null;
    if (changed.has('sessionId') && changed.get('sessionId') !== undefined) {
      // A session set by the host: show it (a phone shows one pane at a time).
      if (!this.sessionId) this.pane = 'list';
      else if (this.pane === 'list') this.pane = 'session';
    }
    this.learnKind();
    // The conversation pane is a lazy chunk: load it as soon as there is a session to show.
    if (this.sessionId) void this.conversation.load();
  }

  private async focusViewComposer(): Promise<void> {
    await this.conversation.load();
    const view = this.view;
    if (!view) return;
    await view.updateComplete;
    await view.focusComposer();
  }

  protected override updated(): void {
    const focus = this.focusAfterUpdate;
    this.focusAfterUpdate = null;
    focus?.();
  }

  /** Moves focus to the list: its current card (opening the list pane on a phone). */
  async focusList(): Promise<void> {
    if (this.layout === 'narrow' && this.pane !== 'list') {
      this.pane = 'list';
      this.recordPlace('replace');
    }
    await this.updateComplete;
    const sidebar = this.sidebar;
    if (!sidebar) return;
    await sidebar.updateComplete;
    const root = sidebar.shadowRoot;
    const card =
      root?.querySelector<HTMLElement>("[role='listbox'] [tabindex='0']") ??
      root?.querySelector<HTMLElement>("[role='tab'][aria-selected='true']");
    card?.focus();
  }

  /** Moves focus to the open conversation's composer. */
  async focusComposer(): Promise<void> {
    await this.updateComplete;
    await this.focusViewComposer();
  }

  /**
   * The open session's kind, from the list when it was opened by a link or by the host; a wide
   * layout then shows a flight request's operators beside it, once per session.
   */
  private learnKind(): void {
    const id = this.sessionId;
    if (!id) return;
    if (this.kindFor !== id) {
      this.kind = null;
      const listed = this.list.snapshot?.items.find((session) => session.id === id);
      if (listed) {
        this.kind = listed.kind;
        this.kindFor = id;
      }
    }
    if (this.kind !== null && this.threadsDecidedFor !== id) {
      this.threadsDecidedFor = id;
      if (this.layout === 'wide' && this.kind === 'flight_request') this.threadsOpen = true;
    }
  }

  private restore(location: WorkspaceLocation): void {
    this.sessionId = location.session;
    this.threadId = location.thread;
    this.pane = location.session ? location.pane : 'list';
    this.threadsOpen = location.pane === 'threads' || Boolean(location.thread);
  }

  private recordPlace(how: 'push' | 'replace'): void {
    this.historyController.record(
      { session: this.sessionId, thread: this.threadId, pane: this.pane },
      how,
    );
  }

  private handleLayoutChange(layout: WorkspaceLayout): void {
    // Leaving the one-pane layout with the threads in front: keep them open beside the rest.
    if (layout !== 'narrow' && this.pane === 'threads') this.threadsOpen = true;
  }

  private handleSelect(event: ChatSessionSelectEvent): void {
    const session = event.session;
    const changed = session.id !== this.sessionId;
    this.kind = session.kind;
    this.kindFor = session.id;
    this.sessionId = session.id;
    if (changed) {
      this.threadId = '';
      this.threadOperator = '';
      // Wide: a flight request opens with its operators beside it.
      this.threadsOpen = this.layout === 'wide' && session.kind === 'flight_request';
      this.threadsDecidedFor = session.id;
    }
    this.pane = 'session';
    this.recordPlace(changed || this.layout === 'narrow' ? 'push' : 'replace');
    const created = this.focusComposerOnOpen;
    this.focusComposerOnOpen = false;
    if (created || (this.layout === 'narrow' && !this.pointerInList)) {
      this.focusAfterUpdate = () => void this.focusViewComposer();
    } else if (this.layout === 'narrow') {
      // Opened by a tap: focus follows to the new pane without popping up a keyboard.
      this.focusAfterUpdate = () =>
        this.renderRoot
          .querySelector<HTMLElement>("[part~='session-pane'] [part~='back-button']")
          ?.focus({ preventScroll: true });
    }
  }

  private handleCreate(event: ChatSessionCreateEvent): void {
    this.focusComposerOnOpen = true;
    // A host that cancels the create opens nothing: forget the request.
    queueMicrotask(() => {
      if (event.defaultPrevented) this.focusComposerOnOpen = false;
    });
  }

  private handleDelete(event: ChatSessionDeleteEvent): void {
    if (event.session.id !== this.sessionId) return;
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.sessionId = '';
      this.threadId = '';
      this.threadsOpen = false;
      this.pane = 'list';
      this.recordPlace('replace');
    });
  }

  private handleThreadsToggle(event: ChatThreadsToggleEvent): void {
    this.threadsOpen = event.open;
    if (!event.open) {
      this.closeThreads();
      return;
    }
    if (this.layout === 'narrow') {
      this.pane = 'threads';
      this.recordPlace('push');
    }
    this.focusAfterUpdate = () => this.focusThreads();
  }

  private handleThreadOpen(event: ChatThreadOpenEvent): void {
    this.threadId = event.thread.id;
    this.threadOperator = event.thread.operatorName;
    this.recordPlace('replace');
  }

  private handleThreadClose(event: ChatThreadCloseEvent): void {
    if (event.thread.id !== this.threadId) return;
    this.threadId = '';
    this.threadOperator = '';
    this.recordPlace('replace');
  }

  private handleBack(): void {
    if (this.historyController.canGoBack()) {
      this.historyController.back();
      const from = this.pane;
      // The browser restores the entry; then focus where the broker came from.
      window.addEventListener(
        'popstate',
        () => {
          this.focusAfterUpdate = () => this.focusAfterBack(from);
        },
        { once: true },
      );
      return;
    }
    const from = this.pane;
    if (this.pane === 'threads') {
      this.pane = 'session';
      this.threadsOpen = false;
      this.threadId = '';
    } else {
      this.pane = 'list';
    }
    this.recordPlace('replace');
    this.focusAfterUpdate = () => this.focusAfterBack(from);
  }

  private focusAfterBack(from: WorkspacePane): void {
    if (from === 'threads') this.focusThreadsToggle();
    else if (this.sessionId) void this.sidebar?.focusSession(this.sessionId);
    else void this.focusList();
  }

  /** Closes the threads column, drawer or pane and puts focus back on the Operators toggle. */
  private closeThreads(): void {
    this.threadsOpen = false;
    this.threadId = '';
    this.threadOperator = '';
    if (this.layout === 'narrow' && this.pane === 'threads') this.pane = 'session';
    this.recordPlace('replace');
    this.focusAfterUpdate = () => this.focusThreadsToggle();
  }

  private focusThreadsToggle(): void {
    this.view?.shadowRoot?.querySelector<HTMLElement>("[part~='threads-toggle']")?.focus();
  }

  private focusThreads(): void {
    const bar = this.renderRoot.querySelector<HTMLElement>(
      "[part~='threads-pane'] [part~='pane-bar'] button",
    );
    bar?.focus();
  }

  private handleThreadsKeyDown(event: KeyboardEvent): void {
    // The thread list takes Escape first to fold an open thread; then it closes the drawer.
    if (event.key !== 'Escape' || event.defaultPrevented || this.layout === 'wide') return;
    event.preventDefault();
    if (this.layout === 'narrow') this.handleBack();
    else this.closeThreads();
  }

  private handleMainReply(): void {
    this.threadId = '';
    this.threadOperator = '';
    this.recordPlace('replace');
    this.focusAfterUpdate = () => void this.focusViewComposer();
  }

  private viewStrings(): Record<string, string> {
    const text = this.text;
    if (this.kind === 'flight_request') return { noMessages: text.noMessagesFlightRequest };
    if (this.kind === 'general') return { noMessages: text.noMessagesChat };
    return {};
  }

  /**
   * The connection's status line, for a pane shown alone (narrow layout): the list's own line is
   * hidden with the list, and a message sent offline must not just say "Sending…". Its element
   * is defined by the list (`<chat-sidebar>` loads its lazy chunk while idle, and at once when
   * the connection drops); until then it takes no room.
   */
  private renderConnectionStatus(): TemplateResult {
    return html`<chat-connection-status part="connection" .client=${this.client}></chat-connection-status>`;
  }

  private renderThreadsPane(shown: boolean): TemplateResult {
    const text = this.text;
    const narrow = this.layout === 'narrow';
    return html`<aside
      part="threads-pane"
      class="pane"
      aria-label=${text.threadsRegion}
      ?hidden=${!shown}
      @keydown=${this.handleThreadsKeyDown}
    >
      <div part="pane-bar">
        ${
          narrow
            ? html`<button part="back-button" type="button" @click=${this.handleBack}>
              <span aria-hidden="true">‹</span> ${text.backToConversation}
            </button>`
            : nothing
        }
        <h2 part="pane-heading" aria-level=${this.headingLevel + 1}>${text.threadsHeading}</h2>
        ${
          narrow
            ? nothing
            : html`<button part="close-threads-button" type="button" aria-label=${text.closeThreads} @click=${this.closeThreads}>
              <span aria-hidden="true">✕</span>
            </button>`
        }
      </div>
      ${narrow ? this.renderConnectionStatus() : nothing}
      ${
        shown
          ? html`<operator-thread-list
            session-id=${this.sessionId}
            open-thread-id=${this.threadId}
            .client=${this.client}
            .sync=${this.sync}
            .drafts=${this.drafts}
            .strings=${{ noThreads: text.noThreads }}
            @chat-thread-open=${this.handleThreadOpen}
            @chat-thread-close=${this.handleThreadClose}
          ></operator-thread-list>`
          : nothing
      }
    </aside>`;
  }

  protected override render(): TemplateResult {
    const text = this.text;
    const layout = this.layout;
    const narrow = layout === 'narrow';
    const hasSession = this.sessionId !== '';
    const pane = hasSession ? this.pane : 'list';
    const threadsShown = hasSession && (narrow ? pane === 'threads' : this.threadsOpen);
    const threadOpen = threadsShown && this.threadId !== '' && !narrow;
    const classes = [threadsShown ? 'with-threads' : '', threadOpen ? 'thread-open' : '']
      .filter(Boolean)
      .join(' ');
    return html`<div part="base" class=${classes}>
      <button part="skip-link" type="button" @click=${() => void this.focusList()}>
        ${text.skipToList}
      </button>
      <section part="list-pane" class="pane" aria-label=${text.listRegion} ?hidden=${narrow && pane !== 'list'}>
        <chat-sidebar
          exportparts="heading: list-heading, tab, selected, card-base"
          .store=${this.store}
          .client=${this.client}
          selected=${this.sessionId}
          density=${this.density}
          metadata-endpoint=${this.metadataEndpoint}
          .metadataParser=${this.metadataParser}
          heading-level=${this.headingLevel}
          @pointerdown=${() => (this.pointerInList = true)}
          @keydown=${() => (this.pointerInList = false)}
          @chat-session-select=${this.handleSelect}
          @chat-session-create=${this.handleCreate}
          @chat-session-delete=${this.handleDelete}
        ></chat-sidebar>
      </section>
      <section
        part="session-pane"
        class="pane"
        aria-label=${text.conversationRegion}
        ?hidden=${narrow && pane !== 'session'}
      >
        ${
          narrow && hasSession
            ? html`<div part="pane-bar">
              <button part="back-button" type="button" @click=${this.handleBack}>
                <span aria-hidden="true">‹</span> ${text.backToList}
              </button>
            </div>
            ${this.renderConnectionStatus()}`
            : nothing
        }
        <chat-session-view
          session-id=${this.sessionId}
          .client=${this.client}
          .sync=${this.sync}
          .drafts=${this.drafts}
          heading-level=${this.headingLevel}
          external-threads
          .threadsOpen=${threadsShown}
          .strings=${this.viewStrings()}
          @chat-threads-toggle=${this.handleThreadsToggle}
        >
          <div slot="empty" part="empty">
            <p class="title" role="heading" aria-level=${this.headingLevel}>${text.emptyTitle}</p>
            <p>${text.emptyBody}</p>
          </div>
        </chat-session-view>
        ${
          threadOpen
            ? html`<div part="thread-note">
              <span>${text.replyingInThread(this.threadOperator)}</span>
              <button part="main-reply-button" type="button" @click=${this.handleMainReply}>
                ${text.backToMainReply}
              </button>
            </div>`
            : nothing
        }
      </section>
      ${this.renderThreadsPane(threadsShown)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-workspace': ChatWorkspace;
  }
}

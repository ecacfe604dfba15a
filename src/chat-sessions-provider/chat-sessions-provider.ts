import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ChatSessionsClient } from '@chat-sessions/sdk';
import { chatSessionsClientContext, sessionListContext } from '../context.js';
import type { OwnedSessionList } from '../controllers/session-list-controller.js';
import { createSessionList } from '../controllers/session-list-factory.js';
import type { SessionListSource } from '../controllers/session-list-source.js';

/**
 * Hands the Chat Sessions SDK client, and one session list made for it, to every element inside
 * (through `@lit/context`): set the client once on the provider instead of on each element. All
 * the elements inside share the one list, so a sidebar and a header badge make one set of
 * requests and always agree.
 *
 * An element's own `client` or `store` property wins over the provider's. The provider renders
 * nothing of its own (`display: contents`).
 *
 * @summary Provides the SDK client and a shared, live session list to the elements inside it.
 *
 * @example
 * ```html
 * <chat-sessions-provider>
 *   <chat-sidebar></chat-sidebar>
 *   <chat-session-view></chat-session-view>
 * </chat-sessions-provider>
 * <script type="module">
 *   import { createChatSessions } from '@chat-sessions/sdk';
 *   import '@chat-sessions/elements/chat-sessions-provider/define.js';
 *   document.querySelector('chat-sessions-provider').client = createChatSessions({ supabase });
 * </script>
 * ```
 *
 * @slot - The elements that use the client and the session list.
 */
export class ChatSessionsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly clientProvider = new ContextProvider(this, {
    context: chatSessionsClientContext,
  });
  private readonly listProvider = new ContextProvider(this, { context: sessionListContext });

  /** The SDK client (`createChatSessions(...)`), signed in as the broker. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /**
   * The session list to share. Leave it empty to have one made for `client` (the SDK's
   * `SessionListStore` with its sync engine, loaded at once, disposed when the provider leaves
   * the page).
   */
  @property({ attribute: false }) store: SessionListSource | null = null;

  private owned: (OwnedSessionList & { client: ChatSessionsClient }) | null = null;

  /** The session list the elements inside get: `store`, or the one made for `client`, or null. */
  get sessionList(): SessionListSource | null {
    return this.listProvider.value ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A list made for the client was disposed when the provider left; make another.
    if (!this.owned && !this.store && this.client) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.owned?.dispose();
    this.owned = null;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    let list: SessionListSource | null = this.store;
    if (!list && this.client && this.isConnected) {
      if (this.owned?.client !== this.client) {
        this.owned?.dispose();
        this.owned = { ...createSessionList(this.client), client: this.client };
        // Loaded at once, whoever reads it (a sidebar, a view's optimistic actions, a badge).
        void this.owned.store.load();
      }
      list = this.owned.store;
    } else if (this.owned) {
      this.owned.dispose();
      this.owned = null;
    }
    if (this.clientProvider.value !== (this.client ?? undefined))
      this.clientProvider.setValue(this.client ?? undefined);
    if (this.listProvider.value !== (list ?? undefined))
      this.listProvider.setValue(list ?? undefined);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-sessions-provider': ChatSessionsProvider;
  }
}

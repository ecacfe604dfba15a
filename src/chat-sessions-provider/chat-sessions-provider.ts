import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { getRuntime, type ChatSessionsClient } from '@chat-sessions/sdk';
import {
  chatPreferencesContext,
  chatSessionsClientContext,
  sessionListContext,
} from '../context.js';
import type { SessionListSource } from '../controllers/session-list-source.js';
import type { ChatPreferences, ChatStrings } from '../preferences.js';
import type { Clock } from '../types.js';

/**
 * Hands the Chat Sessions SDK client, and its shared session list, to every element inside
 * (through `@lit/context`): set the client once on the provider instead of on each element. All
 * the elements inside share the one list, so a sidebar and a header badge make one set of
 * requests and always agree; and all of them (the sidebar, session views, thread lists) take
 * their stores from the client's one runtime (`getRuntime(client)`), so the page polls the
 * change feed once.
 *
 * It also supplies the locale, the clock and every element family's strings, so a page sets
 * them once: `provider.strings = { sidebar: { newSession: 'New deal' } }`.
 *
 * An element's own `client`, `store`, `locale`, `clock` or `strings` wins over the provider's.
 * The provider renders nothing of its own (`display: contents`).
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
  private readonly preferencesProvider = new ContextProvider(this, {
    context: chatPreferencesContext,
  });

  /** The SDK client (`createChatSessions(...)`), signed in as the broker. */
  @property({ attribute: false }) client: ChatSessionsClient | null = null;

  /**
   * The session list to share. Leave it empty to share the client's runtime list
   * (`getRuntime(client).sessionList()`: loaded at once, watched while the provider is on the
   * page, disposed when nobody watches it any more).
   */
  @property({ attribute: false }) store: SessionListSource | null = null;

  /** BCP 47 locale for every element inside (dates, numbers, times). Empty: the viewer's. */
  @property() locale = '';

  /** Where "now" comes from for every element inside. Null: the clock the elements share. */
  @property({ attribute: false }) clock: Clock | null = null;

  /**
   * Strings for every element family inside, by family (`sidebar`, `sessionView`, `threadList`,
   * `message`, `composer`, `flightRequestCard`, `generalChatCard`); each element's own
   * `strings` is laid over them.
   */
  @property({ attribute: false }) strings: ChatStrings = {};

  /** The runtime list the provider watches, and how to stop watching it. */
  private watched: { store: SessionListSource; stop: () => void } | null = null;

  /** The session list the elements inside get: `store`, or the client's runtime list, or null. */
  get sessionList(): SessionListSource | null {
    return this.listProvider.value ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The runtime list was let go when the provider left; take it again.
    if (!this.watched && !this.store && this.client) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !this.preferencesProvider.value ||
      changed.has('locale') ||
      changed.has('clock') ||
      changed.has('strings')
    ) {
      const preferences: ChatPreferences = {
        locale: this.locale,
        clock: this.clock ?? undefined,
        strings: this.strings,
      };
      this.preferencesProvider.setValue(preferences);
    }
    let list: SessionListSource | null = this.store;
    if (!list && this.client && this.isConnected) {
      const shared = getRuntime(this.client).sessionList();
      if (this.watched?.store !== shared) {
        // Watched by the provider itself: loaded at once, whoever reads it (a sidebar, a
        // view's optimistic actions, a badge), even with no element inside.
        const stop = shared.subscribe(() => {});
        this.unwatch();
        this.watched = { store: shared, stop };
      }
      list = shared;
    } else {
      this.unwatch();
    }
    if (this.clientProvider.value !== (this.client ?? undefined))
      this.clientProvider.setValue(this.client ?? undefined);
    if (this.listProvider.value !== (list ?? undefined))
      this.listProvider.setValue(list ?? undefined);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  private unwatch(): void {
    this.watched?.stop();
    this.watched = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-sessions-provider': ChatSessionsProvider;
  }
}

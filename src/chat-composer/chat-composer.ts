import { MAX_MESSAGE_LENGTH, newId } from '@chat-sessions/sdk';
import { PreferencesController } from '../controllers/preferences-controller.js';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ChatMessageSendEvent } from '../events.js';
import { Formatter } from '../internal/format.js';
import type { StringsOverride } from '../types.js';
import { chatComposerStyles } from './chat-composer.styles.js';

/**
 * Where a composer sends: the SDK's `MessageStore` fits. `send` must show the message at once
 * (as pending) when it accepts it; the composer checks that, by `id`, to know it may clear itself.
 */
export interface ComposerMessageStore {
  send(content: string, options?: { id?: string }): Promise<{ error: { message: string } | null }>;
  getSnapshot(): { readonly items: readonly { readonly id: string }[] };
}

/** Where a composer keeps unsent text: the SDK's `DraftStore` fits. */
export interface ComposerDraftStore {
  get(key: string): string;
  set(key: string, text: string): void;
  clear(key: string): void;
}

/** Every user-visible string of `<chat-composer>`, English by default. */
export interface ChatComposerStrings {
  /** The text field's accessible name. */
  label: string;
  /** Shown in the empty field. */
  placeholder: string;
  /** How to send, read after the label. */
  hint: string;
  /** The send button. */
  send: string;
  /** Shown when a message is longer than the server accepts. */
  tooLong: (length: number, max: number, formattedLength: string, formattedMax: string) => string;
  /** Shown when the message store refused a message outright. */
  notAccepted: (reason: string) => string;
}

const defaultStrings: ChatComposerStrings = {
  label: 'Message',
  placeholder: 'Write a message…',
  hint: 'Enter sends, Shift+Enter starts a new line.',
  send: 'Send',
  tooLong: (_length, _max, length, max) =>
    `This message is too long to send (${length} of at most ${max} characters).`,
  notAccepted: (reason) => `The message could not be sent: ${reason}`,
};

/** Characters as the database counts them (code points, not UTF-16 units). */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/**
 * Where the broker writes. Enter sends, Shift+Enter starts a new line. With a `store` (the SDK's
 * `MessageStore` of the conversation) it appends through the SDK: the message shows at once in
 * the transcript as sending, then sent or failed with a retry. With `drafts` (the SDK's
 * `DraftStore`) what is typed is kept per session (and per operator thread) until sent, across
 * session switches and reloads.
 *
 * Without a store it only announces what the user sent (`chat-message-send`), for hosts that
 * send messages their own way.
 *
 * @summary The message field of a conversation: send with Enter, draft kept per session.
 *
 * @example
 * ```html
 * <chat-composer></chat-composer>
 * <script type="module">
 *   import '@chat-sessions/elements/chat-composer/define.js';
 *   import { DraftStore, MessageStore } from '@chat-sessions/sdk';
 *   const composer = document.querySelector('chat-composer');
 *   composer.sessionId = sessionId;
 *   composer.store = new MessageStore({ client: chat, sync, sessionId });
 *   composer.drafts = new DraftStore({ userId });
 * </script>
 * ```
 *
 * @event chat-message-send - `ChatMessageSendEvent`: the user sent a message (Enter or the Send
 *   button). Cancelable: `preventDefault()` to send it yourself; the field clears either way.
 *   Bubbles, composed.
 *
 * @csspart base - The box around the field and the button.
 * @csspart input - The text field, a `<textarea>`.
 * @csspart send-button - The send button.
 * @csspart error - Why the text can't be sent (too long, refused); absent otherwise.
 *
 * @cssprop --chat-composer-background - Background. Default: `--chat-color-surface`.
 * @cssprop --chat-composer-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --chat-composer-muted-color - Placeholder. Default: `--chat-color-text-muted`.
 * @cssprop --chat-composer-border-color - Border. Default: `--chat-color-border`.
 * @cssprop --chat-composer-radius - Corner radius. Default: `--chat-radius`.
 * @cssprop --chat-composer-send-background - Send button background. Default: `--chat-color-accent`.
 * @cssprop --chat-composer-send-color - Send button text. Default: `--chat-color-on-accent`.
 * @cssprop --chat-composer-focus-ring-color - Focus ring. Default: `--chat-color-focus-ring`.
 * @cssprop --chat-composer-error-color - Error text. Default: `--chat-color-danger`, `#b42318`.
 * @cssprop --chat-composer-max-height - Tallest the field grows before scrolling. Default: 10 lines.
 */
export class ChatComposer extends LitElement {
  static override styles = chatComposerStyles;

  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<ChatComposerStrings> = defaultStrings;

  /** The message store sending to this conversation (the SDK's `MessageStore`), or null. */
  @property({ attribute: false }) store: ComposerMessageStore | null = null;

  /**
   * Where drafts are kept (the SDK's `DraftStore`: per user, across reloads and tabs). Without
   * it, drafts are kept in this element's memory, per session and thread, until the page closes.
   */
  @property({ attribute: false }) drafts: ComposerDraftStore | null = null;

  /** The session written to: the draft's key, and told in `chat-message-send`. */
  @property({ attribute: 'session-id' }) sessionId = '';

  /** The operator thread written to, or empty for the session's main conversation. */
  @property({ attribute: 'thread-id' }) threadId = '';

  /** The text in the field. Set it to prefill; reading it gives what is typed. */
  @property() value = '';

  /** Turns the field and the button off. Reflected. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** BCP 47 locale for numbers in messages, e.g. `de-DE`. Empty: the viewer's. */
  @property() locale = '';

  /** Overrides for any of the element's strings (see `ChatComposerStrings`). */
  @property({ attribute: false }) strings: StringsOverride<ChatComposerStrings> = {};

  @state() private error = '';

  @query('textarea') private input!: HTMLTextAreaElement | null;

  private text: ChatComposerStrings = defaultStrings;
  private readonly preferences = new PreferencesController(this, 'composer');

  /** The draft key the field was last filled from. */
  private draftKey: string | null = null;

  /** Drafts kept here when no `drafts` store is given. */
  private readonly memoryDrafts = new Map<string, string>();

  private get draftStore(): ComposerDraftStore {
    return (
      this.drafts ?? {
        get: (key) => this.memoryDrafts.get(key) ?? '',
        set: (key, text) =>
          text.trim() ? this.memoryDrafts.set(key, text) : this.memoryDrafts.delete(key),
        clear: (key) => this.memoryDrafts.delete(key),
      }
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultStrings, this.strings);
    if (changed.has('sessionId') || changed.has('threadId') || changed.has('drafts')) {
      const key = this.currentDraftKey();
      if (key !== this.draftKey) {
        this.draftKey = key;
        // Another conversation: its own draft, else what the host put in the field, else nothing.
        const prefill = changed.has('value') ? this.value : '';
        this.value = (key ? this.draftStore.get(key) : '') || prefill;
        this.error = '';
      }
    }
  }

  /** Sends what is typed, as Enter does. Returns false when there was nothing to send or it was refused. */
  send(): boolean {
    if (this.disabled) return false;
    const content = this.value.trim();
    if (!content) return false;
    const length = characterCount(content);
    if (length > MAX_MESSAGE_LENGTH) {
      const format = Formatter.for(this.preferences.locale(this.locale));
      this.error = this.text.tooLong(
        length,
        MAX_MESSAGE_LENGTH,
        format.number(length),
        format.number(MAX_MESSAGE_LENGTH),
      );
      return false;
    }
    const event = new ChatMessageSendEvent(content, this.sessionId || null, this.threadId || null);
    this.dispatchEvent(event);
    if (!event.defaultPrevented && this.store) {
      const store = this.store;
      const id = newId();
      const sending = store.send(content, { id });
      if (!store.getSnapshot().items.some((item) => item.id === id)) {
        // Refused before it was even shown (invalid, or the store was closed): keep the text.
        void sending.then((result) => {
          this.error = this.text.notAccepted(result.error?.message ?? '');
        });
        return false;
      }
    }
    this.clear();
    return true;
  }

  private clear(): void {
    this.value = '';
    this.error = '';
    const key = this.currentDraftKey();
    if (key) this.draftStore.clear(key);
  }

  private currentDraftKey(): string | null {
    if (!this.sessionId) return null;
    return this.threadId ? `${this.sessionId}:thread:${this.threadId}` : this.sessionId;
  }

  private handleInput(event: InputEvent): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    if (this.error) this.error = '';
    const key = this.currentDraftKey();
    if (key) this.draftStore.set(key, this.value);
  }

  private handleKeyDown(event: KeyboardEvent): void {
    // Enter while an input method is composing (Japanese, Chinese…) confirms the composition.
    // keyCode 229 is the only sign of composition Safari gives on the Enter that ends it.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.send();
  }

  private handleSendClick(): void {
    this.send();
    this.input?.focus();
  }

  protected override render(): TemplateResult {
    const empty = this.value.trim() === '';
    return html`
      <div part="base">
        <textarea
          part="input"
          rows="1"
          aria-label=${this.text.label}
          aria-describedby="hint"
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-errormessage=${this.error ? 'error' : nothing}
          placeholder=${this.text.placeholder}
          .value=${this.value}
          ?disabled=${this.disabled}
          @input=${this.handleInput}
          @keydown=${this.handleKeyDown}
        ></textarea>
        <button part="send-button" type="button" ?disabled=${this.disabled || empty} @click=${this.handleSendClick}>
          ${this.text.send}
        </button>
      </div>
      <span id="hint" class="visually-hidden">${this.text.hint}</span>
      ${this.error ? html`<div part="error" id="error" role="alert">${this.error}</div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-composer': ChatComposer;
  }
}

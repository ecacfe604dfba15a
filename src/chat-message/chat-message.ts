import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PreferencesController } from '../controllers/preferences-controller.js';
import { property } from 'lit/decorators.js';
import type { SessionEvent } from '@chat-sessions/sdk';
import { ChatMessageRetryEvent } from '../events.js';
import { sharedClock } from '../internal/clock.js';
import { Formatter } from '../internal/format.js';
import {
  messageTime,
  type Message,
  type MessageDelivery,
  type MessageRole,
} from '../internal/chat-transcript.js';
import type { Clock, StringsOverride } from '../types.js';
import { chatMessageStyles } from './chat-message.styles.js';

/** What `<chat-message>` shows of a message: a saved `Message`, or one still on its way. */
export type ChatMessageContent = Pick<
  Message,
  'id' | 'role' | 'content' | 'contentType' | 'createdAt'
> &
  Partial<Pick<Message, 'richContent'>>;

/**
 * The event an event line records (the SDK's `sessionEventOf`, without loading the SDK's schemas
 * into the element: the database alone writes event lines, and the text shown falls back to
 * its English `content`).
 */
function eventOf(message: ChatMessageContent): SessionEvent | null {
  if (message.contentType !== 'event') return null;
  const rich = message.richContent;
  if (typeof rich !== 'object' || rich === null || Array.isArray(rich)) return null;
  return typeof (rich as { event?: unknown }).event === 'string' ? (rich as SessionEvent) : null;
}

/** Every user-visible string of `<chat-message>`, English by default. */
export interface ChatMessageStrings {
  /** Who wrote a message, by role, when no `author` is given. */
  roleLabels: Record<MessageRole, string>;
  /** Under a message on its way to the server. */
  sending: string;
  /** Under a message the server refused or never got. */
  notSent: string;
  /** The button that sends a failed message again. */
  retry: string;
  /**
   * An event line of the database ("Stage → Proposal sent", "Completed · Won"): given the event
   * and the database's English line, what to show. Default: the English line.
   */
  eventLine: (event: SessionEvent, english: string) => string;
}

const defaultStrings: ChatMessageStrings = {
  roleLabels: {
    broker: 'You',
    assistant: 'Assistant',
    system: 'System',
    operator: 'Operator',
  },
  sending: 'Sending…',
  notSent: 'Not sent',
  retry: 'Retry',
  eventLine: (_event, english) => english,
};

/**
 * One message of a conversation or of an operator thread: who wrote it, when, and what it says,
 * plus, for the broker's own messages, whether it is still sending or failed (with a Retry
 * button).
 *
 * The content is always rendered as text: HTML in a message shows as the characters typed, and
 * markdown (content type `markdown`) is shown as its plain source, line breaks kept. Nothing a
 * sender writes can add elements, styles or scripts to the page.
 *
 * @summary One message bubble: author, time, text; sending and failed states with retry.
 *
 * @example
 * ```html
 * <chat-message></chat-message>
 * <script type="module">
 *   import '@chat-sessions/elements/chat-message/define.js';
 *   const bubble = document.querySelector('chat-message');
 *   bubble.message = message; // a Message from @chat-sessions/sdk
 *   bubble.delivery = 'failed';
 *   bubble.addEventListener('chat-message-retry', (event) => resend(event.messageId));
 * </script>
 * ```
 *
 * @event chat-message-retry - `ChatMessageRetryEvent`: the user pressed Retry on a failed
 *   message. Bubbles, composed.
 *
 * @csspart base - The bubble: background, border, padding.
 * @csspart header - The author and time line.
 * @csspart author - Who wrote the message.
 * @csspart time - When it was written, a `<time>` element.
 * @csspart content - The message text.
 * @csspart event - An event line of the database (a stage change, a lifecycle action), in place
 *   of the bubble: a centred note with its time.
 * @csspart delivery - "Sending…" or "Not sent" with the retry button; absent once sent.
 * @csspart retry-button - Sends a failed message again.
 *
 * @cssprop --chat-message-background - Bubble background of others' messages. Default: `--chat-color-surface-hover`.
 * @cssprop --chat-message-own-background - Bubble background of the broker's messages. Default: `--chat-color-surface-selected`.
 * @cssprop --chat-message-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --chat-message-muted-color - Author, time and status text. Default: `--chat-color-text-muted`.
 * @cssprop --chat-message-border-color - System messages' and quotes' border. Default: `--chat-color-border`.
 * @cssprop --chat-message-radius - Corner radius. Default: `--chat-radius`.
 * @cssprop --chat-message-failed-color - Failed messages' border and status. Default: `--chat-color-danger`, `#b42318`.
 * @cssprop --chat-message-focus-ring-color - Focus ring of the retry button. Default: `--chat-color-focus-ring`.
 * @cssprop --chat-message-max-width - Widest a bubble grows. Default: `80%`.
 */
export class ChatMessage extends LitElement {
  static override styles = chatMessageStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<ChatMessageStrings> = defaultStrings;

  /** The message to show: a `Message` from the SDK, or any object with its fields. */
  @property({ attribute: false }) message: ChatMessageContent | null = null;

  /** `sent` (default), `pending` or `failed`. Reflected, to style on. */
  @property({ reflect: true }) delivery: MessageDelivery = 'sent';

  /** The author's name, shown instead of the role's label (an operator's name, say). */
  @property() author = '';

  /** BCP 47 locale for the time, e.g. `de-DE`. Empty: the viewer's. */
  @property() locale = '';

  /** Where "now" comes from (to tell today's messages from older ones). */
  @property({ attribute: false }) clock: Clock = sharedClock;

  /** Overrides for any of the element's strings (see `ChatMessageStrings`). */
  @property({ attribute: false }) strings: StringsOverride<ChatMessageStrings> = {};

  private text: ChatMessageStrings = defaultStrings;
  private formatter: Formatter = Formatter.for(undefined);
  private readonly preferences = new PreferencesController(this, 'message');

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultStrings, this.strings);
    this.formatter = Formatter.for(this.preferences.locale(this.locale));
  }

  private handleRetry(): void {
    if (this.message) this.dispatchEvent(new ChatMessageRetryEvent(this.message.id));
  }

  private renderDelivery(): TemplateResult | typeof nothing {
    if (this.delivery === 'pending') {
      return html`<div part="delivery">${this.text.sending}</div>`;
    }
    if (this.delivery === 'failed') {
      return html`<div part="delivery">
        <span>${this.text.notSent}</span>
        <button part="retry-button" type="button" aria-describedby="content" @click=${this.handleRetry}>
          ${this.text.retry}
        </button>
      </div>`;
    }
    return nothing;
  }

  /** A line the database wrote about the deal: no bubble, no author, just what happened. */
  private renderEvent(
    message: ChatMessageContent,
    event: SessionEvent,
    time: number,
  ): TemplateResult {
    return html`<p part="event" data-event=${event.event} data-role=${message.role}>
      <span part="content" id="content">${this.text.eventLine(event, message.content)}</span>
      <time part="time" datetime=${message.createdAt} title=${this.formatter.dateTime(time)}
        >${messageTime(this.formatter, time, this.preferences.clock(this.clock).now())}</time
      >
    </p>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const message = this.message;
    if (!message) return nothing;
    const time = Date.parse(message.createdAt);
    const event = eventOf(message);
    if (event) return this.renderEvent(message, event, time);
    const author = this.author.trim() || this.text.roleLabels[message.role];
    return html`
      <div
        part="base"
        data-role=${message.role}
        data-content-type=${message.contentType}
        data-delivery=${this.delivery}
      >
        <div part="header">
          <span part="author">${author}</span>
          <time part="time" datetime=${message.createdAt} title=${this.formatter.dateTime(time)}
            >${messageTime(this.formatter, time, this.preferences.clock(this.clock).now())}</time
          >
        </div>
        <p part="content" id="content">${message.content}</p>
        ${this.renderDelivery()}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-message': ChatMessage;
  }
}

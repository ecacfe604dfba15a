import { UNTITLED_SESSION } from '@chat-sessions/sdk';
import type { PropertyValues } from 'lit';
import { PreferencesController } from '../controllers/preferences-controller.js';
import { property } from 'lit/decorators.js';
import type { CardElement } from '../internal/card-dom.js';
import type { Session } from '../internal/sdk.js';
import { SessionCardElement, type CardDescription } from '../internal/session-card.js';
import { commonCardStrings, type SessionCardCommonStrings } from '../internal/strings.js';
import type { StringsOverride } from '../types.js';
import { generalChatCardStyles } from './general-chat-card.styles.js';

/** Every user-visible string of `<general-chat-card>`, English by default. */
export interface GeneralChatCardStrings extends SessionCardCommonStrings {
  /** First words of the accessible name. */
  generalChat: string;
  /** Shown for a chat whose title is empty. */
  untitled: string;
  /** Shown instead of a preview before the first message. */
  noMessages: string;
  /** Message count, on the card and in the accessible name: "12 messages". */
  messages: (count: number, formatted: string) => string;
  /** Unread messages in the accessible name: "5 unread messages". */
  unreadMessages: (count: number, formatted: string) => string;
}

const defaultStrings: GeneralChatCardStrings = {
  ...commonCardStrings,
  generalChat: 'General chat',
  untitled: UNTITLED_SESSION,
  noMessages: 'No messages yet',
  messages: (count, formatted) => (count === 1 ? '1 message' : `${formatted} messages`),
  unreadMessages: (count, formatted) =>
    count === 1 ? '1 unread message' : `${formatted} unread messages`,
};

/**
 * A general (non flight-request) conversation at a glance: title, last-message preview, last
 * activity, message count, unread messages and status. Works from plain data, so a host can use
 * it in its own lists; `<chat-sidebar>` uses it in its listbox.
 *
 * The card itself takes focus and carries one accessible name ("General chat, Weekly ops sync,
 * 12 messages, 2 unread messages"); the preview and last activity are its description. Titles
 * and previews are user text and only ever rendered as text.
 *
 * @summary A general chat's card: title, preview, last activity, message count, unread.
 *
 * @example
 * ```html
 * <general-chat-card></general-chat-card>
 * <script type="module">
 *   import '@chat-sessions/elements/general-chat-card/define.js';
 *   const card = document.querySelector('general-chat-card');
 *   card.session = session; // a Session from @chat-sessions/sdk, kind 'general'
 *   card.addEventListener('chat-session-select', (event) => open(event.session.id));
 * </script>
 * ```
 *
 * @event chat-session-select - `ChatSessionSelectEvent`: the user clicked the card or pressed
 *   Enter or Space on it (only with `interaction="button"`, the default). Bubbles, composed.
 *
 * @csspart base - The card's box: background, border, padding.
 * @csspart header - The first line: title, pin, last activity.
 * @csspart title - The chat's title.
 * @csspart pin - The pinned indicator, present when the session is pinned.
 * @csspart time - The last activity as relative time, a `<time>` element.
 * @csspart body - The second line: preview and unread badge.
 * @csspart preview - The last message's preview, or "No messages yet".
 * @csspart badge - The unread badge (same element as `unread-badge`).
 * @csspart unread-badge - Unread messages, "99+" past 99; absent at zero.
 * @csspart meta - The third line: message count and status.
 * @csspart count - "12 messages".
 * @csspart attention-reason - Why the attention order placed it ("2 new replies"); only in that order.
 * @csspart status - Paused, completed or archived; absent for active sessions.
 *
 * @cssprop --general-chat-card-background - Card background. Default: `--chat-color-surface`.
 * @cssprop --general-chat-card-hover-background - Background under the pointer. Default: `--chat-color-surface-hover`.
 * @cssprop --general-chat-card-selected-background - Background when selected. Default: `--chat-color-surface-selected`.
 * @cssprop --general-chat-card-selected-indicator-color - The selected card's edge. Default: `--chat-color-accent`.
 * @cssprop --general-chat-card-color - Text colour. Default: `--chat-color-text`.
 * @cssprop --general-chat-card-muted-color - Secondary text. Default: `--chat-color-text-muted`.
 * @cssprop --general-chat-card-border-color - Border. Default: `--chat-color-border`.
 * @cssprop --general-chat-card-radius - Corner radius. Default: `--chat-radius`.
 * @cssprop --general-chat-card-padding - Padding. Default: `10px 12px`.
 * @cssprop --general-chat-card-focus-ring-color - Focus ring. Default: `--chat-color-focus-ring`, then `--chat-color-accent`.
 * @cssprop --general-chat-card-unread-background - Unread badge background. Default: `--chat-color-accent`.
 * @cssprop --general-chat-card-unread-color - Unread badge text. Default: `--chat-color-on-accent`.
 * @cssprop --chat-status-paused - Paused status colour (also `--chat-status-completed`, `--chat-status-archived`).
 *
 * @cssstate selected - The card is selected (also the reflected `selected` attribute).
 * @cssstate pinned - The session is pinned.
 * @cssstate unread - The session has unread messages.
 * @cssstate active - The session is active (exactly one of the four status states is on).
 * @cssstate paused - The session is paused.
 * @cssstate completed - The session is completed.
 * @cssstate archived - The session is archived.
 */
export class GeneralChatCard extends SessionCardElement {
  static override styles = generalChatCardStyles;

  /** The English strings every override is laid over. */
  static readonly defaultStrings: Readonly<GeneralChatCardStrings> = defaultStrings;

  /** Overrides for any of the card's strings (see `GeneralChatCardStrings`). */
  @property({ attribute: false }) strings: StringsOverride<GeneralChatCardStrings> = {};

  private text: GeneralChatCardStrings = defaultStrings;
  protected readonly preferences = new PreferencesController(this, 'generalChatCard');

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.text = this.preferences.strings(defaultStrings, this.strings);
    super.willUpdate(changed);
  }

  protected override get commonStrings(): SessionCardCommonStrings {
    return this.text;
  }

  protected override describe(session: Session): CardDescription {
    const text = this.text;
    const formatter = this.formatter;
    const name = [
      text.generalChat,
      this.displayTitle(session),
      text.messages(session.messageCount, formatter.number(session.messageCount)),
    ];
    if (session.unreadCount > 0) {
      name.push(text.unreadMessages(session.unreadCount, formatter.number(session.unreadCount)));
    }
    if (session.status !== 'active') name.push(this.statusText(session));
    if (session.pinned) name.push(text.pinned);
    const description = [
      this.attentionText(session) ?? '',
      session.lastMessagePreview ?? '',
      this.lastActivityText(session),
    ];
    return { name: name.join(', '), description: description.filter(Boolean).join(', ') };
  }

  protected override renderCard(session: Session): CardElement {
    const text = this.text;
    const preview = session.lastMessagePreview;
    const title = this.displayTitle(session);
    return {
      tag: 'div',
      part: 'base',
      attributes: { 'aria-hidden': 'true', 'data-status': session.status },
      children: [
        {
          tag: 'div',
          part: 'header',
          children: [
            {
              tag: 'span',
              part: 'title',
              className: 'primary',
              attributes: { title },
              text: title,
            },
            this.renderPin(session),
            this.renderLastActivity(session),
          ],
        },
        {
          tag: 'div',
          part: 'body',
          children: [
            {
              tag: 'span',
              part: 'preview',
              className: preview ? 'secondary' : 'secondary empty',
              text: preview || text.noMessages,
            },
            session.unreadCount > 0 && {
              tag: 'span',
              part: 'badge unread-badge',
              text: this.formatter.count(session.unreadCount),
            },
          ],
        },
        {
          tag: 'div',
          part: 'meta',
          children: [
            {
              tag: 'span',
              part: 'count',
              text: text.messages(
                session.messageCount,
                this.formatter.number(session.messageCount),
              ),
            },
            this.renderStatus(session),
            this.renderAttentionReason(session),
          ],
        },
      ],
    };
  }

  private displayTitle(session: Session): string {
    return session.title.trim() || this.text.untitled;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'general-chat-card': GeneralChatCard;
  }
}

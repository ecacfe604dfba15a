import type { Session } from './internal/sdk.js';

/**
 * The user chose a session: clicked its card, or pressed Enter or Space on it. Bubbles and is
 * composed, so a host page hears it from inside any shadow root.
 *
 * @example
 * ```ts
 * document.addEventListener('chat-session-select', (event) => openSession(event.session.id));
 * ```
 */
export class ChatSessionSelectEvent extends Event {
  static readonly eventName = 'chat-session-select';

  /** The session the user chose, as the card was showing it. */
  readonly session: Session;

  constructor(session: Session) {
    super(ChatSessionSelectEvent.eventName, { bubbles: true, composed: true });
    this.session = session;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-session-select': ChatSessionSelectEvent;
  }
}

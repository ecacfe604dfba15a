import type { Session, SessionPatch } from '@chat-sessions/sdk';

/**
 * The broker changed a session's fields: a stage from the stepper of `<chat-session-view>`, or
 * the request editor's Save (`<chat-request-editor>`, in the view or a sidebar card's menu).
 * Cancelable: call `preventDefault()` to apply it yourself; otherwise the element saves it
 * through the SDK. Bubbles and is composed.
 *
 * @example
 * ```ts
 * view.addEventListener('chat-session-edit', (event) => audit(event.session.id, event.patch));
 * ```
 */
export class ChatSessionEditEvent extends Event {
  static readonly eventName = 'chat-session-edit';

  /** The session as the element was showing it. */
  readonly session: Session;
  /** The fields changed (the SDK's `SessionPatch`: title, tripType, legs, passengers, stage). */
  readonly patch: SessionPatch;

  constructor(session: Session, patch: SessionPatch) {
    super(ChatSessionEditEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.session = session;
    this.patch = patch;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-session-edit': ChatSessionEditEvent;
  }
}

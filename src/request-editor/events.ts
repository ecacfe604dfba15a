import type { Session } from '@chat-sessions/sdk';

/**
 * The request editor closed: saved (`session` is the row the database stored), cancelled or
 * dismissed with Escape (`session` null). Fired by `<chat-request-editor>` for the element that
 * shows it; neither bubbles nor leaves the shadow root it is in.
 */
export class ChatRequestEditorCloseEvent extends Event {
  static readonly eventName = 'chat-request-editor-close';

  /** The session as saved, or null when nothing was saved. */
  readonly session: Session | null;
  /** Focus was inside the editor: the opener should take it back. */
  readonly returnFocus: boolean;

  constructor(session: Session | null, returnFocus: boolean) {
    super(ChatRequestEditorCloseEvent.eventName);
    this.session = session;
    this.returnFocus = returnFocus;
  }
}

/** An airport picker's code changed (picked from the list, or typed as a code). Internal. */
export class ChatAirportChangeEvent extends Event {
  static readonly eventName = 'chat-airport-change';

  /** The airport code (IATA or ICAO, upper case), or '' when cleared. */
  readonly code: string;

  constructor(code: string) {
    super(ChatAirportChangeEvent.eventName);
    this.code = code;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-request-editor-close': ChatRequestEditorCloseEvent;
    'chat-airport-change': ChatAirportChangeEvent;
  }
}

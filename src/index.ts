/**
 * @chat-sessions/elements: Lit custom elements for Chat Sessions.
 *
 * This entry point exports classes and types only and registers nothing. To register the
 * elements under their standard names, import their define modules, e.g.
 * `@chat-sessions/elements/flight-request-card/define.js`.
 *
 * @example
 * ```ts
 * import '@chat-sessions/elements/flight-request-card/define.js';
 * import { ChatSessionSelectEvent } from '@chat-sessions/elements';
 *
 * document.addEventListener(ChatSessionSelectEvent.eventName, (event) => {
 *   console.log('open', event.session.id);
 * });
 * ```
 */
export {
  FlightRequestCard,
  type FlightRequestCardStrings,
} from './flight-request-card/flight-request-card.js';
export { GeneralChatCard, type GeneralChatCardStrings } from './general-chat-card/general-chat-card.js';
export { ChatSessionSelectEvent } from './events.js';
export type { AirportNameResolver, CardInteraction, Clock, StringsOverride } from './types.js';

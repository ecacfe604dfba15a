import type { ChatComposerStrings } from './chat-composer/chat-composer.js';
import type { ChatMessageStrings } from './chat-message/chat-message.js';
import type { ChatSessionViewStrings } from './chat-session-view/strings.js';
import type { ChatSidebarStrings } from './chat-sidebar/strings.js';
import type { FlightRequestCardStrings } from './flight-request-card/flight-request-card.js';
import type { GeneralChatCardStrings } from './general-chat-card/general-chat-card.js';
import type { OperatorThreadListStrings } from './operator-thread-list/operator-thread-list.js';
import type { RequestEditorStrings } from './request-editor/strings.js';
import type { Clock, StringsOverride } from './types.js';

/** Each element family's strings, by the key a provider's `strings` uses for it. */
export interface ChatStringFamilies {
  sidebar: ChatSidebarStrings;
  sessionView: ChatSessionViewStrings;
  threadList: OperatorThreadListStrings;
  message: ChatMessageStrings;
  composer: ChatComposerStrings;
  flightRequestCard: FlightRequestCardStrings;
  generalChatCard: GeneralChatCardStrings;
  requestEditor: RequestEditorStrings;
}

/**
 * Overrides for every element family's strings at once, as `<chat-sessions-provider>` takes them:
 * `{ sidebar: { newSession: 'New deal' }, flightRequestCard: { stageLabels: { … } } }`. An
 * element's own `strings` property is laid over these.
 */
export type ChatStrings = {
  readonly [Family in keyof ChatStringFamilies]?: StringsOverride<ChatStringFamilies[Family]>;
};

/** What a provider supplies to every element inside it, besides the client and the list. */
export interface ChatPreferences {
  /** BCP 47 locale for dates, numbers and times; absent or empty: the viewer's. */
  readonly locale?: string | undefined;
  /** Where "now" comes from; absent: the clock the elements share. */
  readonly clock?: Clock | undefined;
  /** Strings for each element family. */
  readonly strings?: ChatStrings | undefined;
}

// Side-effect module: registers <chat-session-view>, and the elements it is made of
// (<chat-message>, <chat-composer>, <operator-thread-list>) under their standard names. Import
// the class from the package's index instead to register it yourself.
import '../chat-composer/define.js';
import '../chat-message/define.js';
import '../operator-thread-list/define.js';
import { defineElement } from '../internal/define.js';
import { ChatSessionView } from './chat-session-view.js';

defineElement('chat-session-view', ChatSessionView);

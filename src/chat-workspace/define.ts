// Side-effect module: registers <chat-workspace> and its list (<chat-sidebar> with its cards).
// The conversation pane (<chat-session-view> with the composer, messages and operator threads)
// is loaded by the workspace itself, with a dynamic import, when it first shows a session or
// once the list has painted. Import the class from the package's index instead to register it
// yourself.
import '../chat-sidebar/define.js';
import { defineElement } from '../internal/define.js';
import { ChatWorkspace } from './chat-workspace.js';

defineElement('chat-workspace', ChatWorkspace);

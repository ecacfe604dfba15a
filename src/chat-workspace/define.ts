// Side-effect module: registers <chat-workspace> and the elements it is made of (<chat-sidebar>
// with its cards, <chat-session-view> with the composer, messages and operator threads). Import
// the class from the package's index instead to register it yourself.
import '../chat-sidebar/define.js';
import '../chat-session-view/define.js';
import { defineElement } from '../internal/define.js';
import { ChatWorkspace } from './chat-workspace.js';

defineElement('chat-workspace', ChatWorkspace);

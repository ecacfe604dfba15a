// Side-effect module: registers <chat-sidebar> and the cards it shows. Import the class from the
// package's index instead to register it yourself, under this name or a subclass under another.
import '../chat-connection-status/define.js';
import '../flight-request-card/define.js';
import '../general-chat-card/define.js';
import { defineElement } from '../internal/define.js';
import { ChatSidebar } from './chat-sidebar.js';

defineElement('chat-sidebar', ChatSidebar);

// Side-effect module: registers <chat-sessions-provider>. Import the class from the package's
// index instead to register it yourself, under this name or a subclass under another.
import { defineElement } from '../internal/define.js';
import { ChatSessionsProvider } from './chat-sessions-provider.js';

defineElement('chat-sessions-provider', ChatSessionsProvider);

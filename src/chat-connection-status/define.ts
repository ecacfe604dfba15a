// Side-effect module: registers <chat-connection-status>. Import the class from the package's
// index instead to register it yourself, under this name or a subclass under another.
import { defineElement } from '../internal/define.js';
import { ChatConnectionStatus } from './chat-connection-status.js';

defineElement('chat-connection-status', ChatConnectionStatus);

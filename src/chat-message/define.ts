// Side-effect module: registers <chat-message>. Import the class from the package's index
// instead to register it yourself, under this name or a subclass under another.
import { defineElement } from '../internal/define.js';
import { ChatMessage } from './chat-message.js';

defineElement('chat-message', ChatMessage);

// Side-effect module: registers <general-chat-card>. Import the class from the package's index
// instead to register it yourself, under this name or a subclass under another.
import { defineElement } from '../internal/define.js';
import { GeneralChatCard } from './general-chat-card.js';

defineElement('general-chat-card', GeneralChatCard);

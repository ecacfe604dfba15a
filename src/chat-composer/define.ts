// Side-effect module: registers <chat-composer>. Import the class from the package's index
// instead to register it yourself, under this name or a subclass under another.
import { defineElement } from '../internal/define.js';
import { ChatComposer } from './chat-composer.js';

defineElement('chat-composer', ChatComposer);

// Side-effect module: registers <chat-request-editor> and its <chat-airport-picker> under their
// standard names. Loaded on demand (a dynamic import) by <chat-session-view> and <chat-sidebar>.
import { defineElement } from '../internal/define.js';
import { ChatAirportPicker } from './airport-picker.js';
import { ChatRequestEditor } from './chat-request-editor.js';

defineElement('chat-airport-picker', ChatAirportPicker);
defineElement('chat-request-editor', ChatRequestEditor);

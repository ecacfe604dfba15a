// Side-effect module: registers <chat-request-editor> and its <chat-airport-picker> under their
// standard names. Loaded on demand (a dynamic import) by <chat-session-view> and <chat-sidebar>.
// Deliberately not named define.ts: every `*/define.js` is a package entry point, and the
// self-contained bundle imports each one eagerly, which would put the editor in the first load.
import { defineElement } from '../internal/define.js';
import { ChatAirportPicker } from './airport-picker.js';
import { ChatRequestEditor } from './chat-request-editor.js';

defineElement('chat-airport-picker', ChatAirportPicker);
defineElement('chat-request-editor', ChatRequestEditor);

// Side-effect module: registers <chat-quick-create-preview>. Loaded on demand (a dynamic import)
// by <chat-sidebar>'s quick create the first time the broker types there. Deliberately not
// named define.ts: every `*/define.js` is a package entry point, and the self-contained bundle
// imports each one eagerly, which would put the preview in the first load.
import { defineElement } from '../internal/define.js';
import { ChatQuickCreatePreview } from './quick-create-preview.js';

defineElement('chat-quick-create-preview', ChatQuickCreatePreview);

// Quick create's reading of the text comes in the same chunk: the sidebar reads through it only
// once the broker types, when it loads this module anyway.
export { createInputFrom, draftFromText } from '../chat-sidebar/quick-create-read.js';

// Side-effect module: registers <chat-quick-create-preview>. Loaded by a dynamic import from
// <chat-sidebar>'s quick create: warmed while idle after its first paint, or when the broker first
// types there if that comes first. Deliberately not
// named define.ts: every `*/define.js` is a package entry point, and the self-contained bundle
// imports each one eagerly, which would put the preview in the first load.
import { defineElement } from '../internal/define.js';
import { ChatQuickCreatePreview } from './quick-create-preview.js';

defineElement('chat-quick-create-preview', ChatQuickCreatePreview);

// Quick create's reading of the text comes in the same chunk: the sidebar warms this module while
// idle after its first paint (and then the reading's parser, `warmReading`), or loads it when the
// broker first types.
export { createInputFrom, draftFromText, warmReading } from '../chat-sidebar/quick-create-read.js';

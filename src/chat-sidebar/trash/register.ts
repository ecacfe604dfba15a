// Side-effect module: registers the sidebar's trash view. Loaded on demand (a dynamic import,
// see ../trash-loader.ts) the first time the broker opens the trash, so it stays out of the
// eager bundle. Deliberately not named define.ts: every `*/define.js` is a package entry point.
import { defineElement } from '../../internal/define.js';
import { ChatSidebarTrash } from './chat-sidebar-trash.js';

defineElement('chat-sidebar-trash', ChatSidebarTrash);

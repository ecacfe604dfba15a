/**
 * What the sidebar needs only once the broker acts on sessions, in one lazy chunk: the actions
 * menu and New's menu (opened by a click, Shift+F10, the menu key or a right click), the bar of
 * bulk actions (shown with a selection), the rename / complete / delete dialogs, what runs an
 * action on sessions (its events, then the write: every action starts from a menu, the bar or a
 * dialog, which come with it, or from the trash view), the menus' controller (placement, keys,
 * focus) and the styles of the menus and dialogs. Loaded through
 * ./on-use-loader.ts, on intent (the pointer over the list or New, focus in them) or at the
 * latest on first use. Deliberately not named define.ts.
 */
import { menuStyles } from '../parts/menu.styles.js';

export { MenuController } from '../parts/menu.js';
export { newSessionMenu, renderActionMenu, sessionMenu } from './action-menu.js';
export { applyAction, runAction, undoDelete } from './action-flow.js';
export { renderBulkBar } from './bulk-bar.js';
export { renderDialogs } from './dialogs.js';

/** The menus' and dialogs' styles, adopted by the sidebar's shadow root once the chunk loads. */
export const onUseStyles = menuStyles;

import { chunkLoader } from '../internal/chunk-loader.js';

/**
 * Loads `<chat-request-editor>` the first time a broker opens it ("Edit request" in the session
 * view, "Edit request…" in a card's menu): a dynamic import, so the editor (and, through it,
 * the airport dataset it loads on first use) stays out of the eager bundle, as quick create's
 * parser does. A failed load is retried on the next open.
 */
export const loadRequestEditor = chunkLoader(() => import('../request-editor/register.js'));

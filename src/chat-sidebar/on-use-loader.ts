import { supportsAdoptingStyleSheets } from 'lit';
import { chunkLoader } from '../internal/chunk-loader.js';
import type * as OnUse from './on-use.js';

/** The sidebar's lazy chunk of menus, dialogs and the bulk bar (see ./on-use.ts). */
export type SidebarOnUse = typeof OnUse;

/**
 * Loads the sidebar's menus, dialogs and bulk bar the first time they are wanted: a dynamic
 * import, so they stay out of the eager bundle (like the trash view and the request editor).
 * A failed load is retried on the next call.
 */
export const loadSidebarOnUse = chunkLoader<SidebarOnUse>(() => import('./on-use.js'));

const adopted = new WeakSet<ShadowRoot>();

/**
 * Adds the chunk's styles to a sidebar's shadow root, once, after its own (which they do not
 * override: they style only the menus and dialogs).
 */
export function adoptOnUseStyles(root: ShadowRoot | null, chunk: SidebarOnUse): void {
  if (!root || adopted.has(root)) return;
  adopted.add(root);
  const sheet = chunk.onUseStyles.styleSheet;
  if (supportsAdoptingStyleSheets && sheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // Where Lit itself falls back to <style> elements.
  const style = document.createElement('style');
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce !== undefined) style.setAttribute('nonce', nonce);
  style.textContent = chunk.onUseStyles.cssText;
  root.appendChild(style);
}

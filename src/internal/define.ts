import { ensureContextRoot } from './context-root.js';

/**
 * Registers `elementClass` as `tagName`, once, without ever throwing at import time. The only
 * place `customElements.define` is called from.
 *
 * - Already defined by the same class (the define module ran twice): nothing to do.
 * - Defined by another class (usually a second copy of this package on the page, e.g. one
 *   bundled by the host and one from a CDN): keep the first, warn, and let the page go on.
 * - The same class already registered under another tag: the registry would throw; warn instead.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  // Before any element is defined: a consumer upgraded ahead of its provider still gets the context.
  ensureContextRoot();
  const existing = customElements.get(tagName);
  if (existing === elementClass) return;
  if (existing) {
    console.warn(
      `<${tagName}> is already defined by another class, probably a second copy of ` +
        '@chat-sessions/elements on this page. Keeping the first definition; load the package ' +
        'once so every element comes from the same copy.',
    );
    return;
  }
  // `getName` (Chromium 117+, Firefox 116+, Safari 17+) tells whether this class already has a tag.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- older browsers lack it
  const otherName = customElements.getName?.(elementClass);
  if (otherName) {
    console.warn(
      `<${tagName}> was not defined: its class is already registered as <${otherName}>, and a ` +
        'class can back only one tag. Subclass it to register it under a second name.',
    );
    return;
  }
  customElements.define(tagName, elementClass);
}

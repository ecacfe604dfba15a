/**
 * Autoloader of the browser bundles (dist/chat-sessions.bundle.js and the one with
 * supabase-js). The bundles define the list's elements at once and leave three lazy chunks: the
 * conversation pane (`<chat-session-view>`, `<chat-composer>`, `<chat-message>`,
 * `<operator-thread-list>`), `<chat-connection-status>` (which `<chat-sidebar>` also loads itself,
 * while idle after its first paint) and the `<chat-workspace>` shell (a page that shows only the list
 * never loads it). Importing this module watches the document and loads a chunk as soon as one
 * of its tags is in it, or is added later. Hosts that put them in their own shadow roots call
 * `autoloadElements(shadowRoot)` or `await loadElements()` first.
 *
 * The npm package's define modules are not affected: importing one defines its element at once.
 */
import { chunkLoader } from './internal/chunk-loader.js';
import { LAZY_ELEMENTS as CONVERSATION_ELEMENTS } from './internal/lazy-elements.js';

// The workspace's loader lives here, not in internal/lazy-elements.ts, which the workspace
// itself imports (npm builds would otherwise see a cycle through a dynamic import).
const LAZY_ELEMENTS: Readonly<Record<string, () => Promise<unknown>>> = {
  ...CONVERSATION_ELEMENTS,
  'chat-workspace': chunkLoader(() => import('./chat-workspace/define.js')),
};

/** The tags this module loads on first use. */
export const LAZY_ELEMENT_TAGS: readonly string[] = Object.keys(LAZY_ELEMENTS);

const lazySelector = LAZY_ELEMENT_TAGS.join(',');

/**
 * Loads the define modules of `tags` (default: every lazily loaded element) and resolves once
 * they are all defined. Unknown tags are ignored.
 */
export async function loadElements(tags: readonly string[] = LAZY_ELEMENT_TAGS): Promise<void> {
  const known = tags.map((tag) => tag.toLowerCase()).filter((tag) => tag in LAZY_ELEMENTS);
  await Promise.all(known.map((tag) => LAZY_ELEMENTS[tag]?.() ?? Promise.resolve()));
  await Promise.all(known.map((tag) => customElements.whenDefined(tag)));
}

function loadFoundIn(node: ParentNode): void {
  const tags = new Set<string>();
  if (node instanceof Element && node.matches(lazySelector)) tags.add(node.localName);
  for (const element of node.querySelectorAll(lazySelector)) tags.add(element.localName);
  if (tags.size > 0) {
    loadElements([...tags]).catch((error: unknown) => {
      console.error('@chat-sessions/elements: could not load', [...tags].join(', '), error);
    });
  }
}

/**
 * Loads each lazily loaded element found in `root` (a document, a shadow root or an element)
 * now, and whenever one is added to it later. Returns a function that stops watching. Watching
 * stops by itself once every lazily loaded element is defined.
 */
export function autoloadElements(root: Document | ShadowRoot | Element): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  const allDefined = () => LAZY_ELEMENT_TAGS.every((tag) => customElements.get(tag));
  if (allDefined()) return () => {};
  loadFoundIn(root);
  const observer = new MutationObserver((records) => {
    if (allDefined()) {
      observer.disconnect();
      return;
    }
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) loadFoundIn(node);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  autoloadElements(document);
}

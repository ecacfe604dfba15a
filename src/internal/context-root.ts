import { ContextRoot } from '@lit/context';

// One per page, even with two copies of this package loaded (each would otherwise replay every
// pending request once more).
const ATTACHED = Symbol.for('chat-sessions:context-root');

/**
 * Attaches one `@lit/context` `ContextRoot` to the document. Bundles and host pages register
 * elements in any order: a `<chat-session-view>` upgraded before `<chat-sessions-provider>` is
 * defined asks for the client while nobody can answer. The root keeps those (subscribing)
 * requests and replays them when a provider announces itself, so the view gets the client as
 * soon as its provider upgrades. Called by the guarded define, before any of our elements exist.
 */
export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = document as Document & { [ATTACHED]?: true };
  if (holder[ATTACHED]) return;
  holder[ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}

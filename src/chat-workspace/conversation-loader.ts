import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../internal/idle.js';
import { loadConversationElements } from '../internal/lazy-elements.js';

/**
 * The workspace's conversation pane (`<chat-session-view>`, `<operator-thread-list>`): a lazy
 * chunk, loaded on `load()` (a session to show), else while idle after the host's first update.
 * The idle load is cancelled when the host leaves the page (a queued callback must not keep a
 * removed workspace) and queued again when it comes back. A failed load is retried next time.
 */
export class ConversationLoader implements ReactiveController {
  private loaded: Promise<void> | null = null;
  private cancelIdle: (() => void) | null = null;
  private updated = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the page after leaving it (the first connect waits for the first update).
    if (this.updated) this.queue();
  }

  hostUpdated(): void {
    this.updated = true;
    if (!this.cancelIdle) this.queue();
  }

  hostDisconnected(): void {
    this.cancelIdle?.();
    this.cancelIdle = null;
  }

  /** Loads the pane's elements (they upgrade in place, keeping properties already set). */
  load(): Promise<void> {
    this.loaded ??= loadConversationElements().catch((error: unknown) => {
      this.loaded = null;
      console.error('<chat-workspace>: could not load the conversation pane', error);
    });
    return this.loaded;
  }

  private queue(): void {
    this.cancelIdle?.();
    this.cancelIdle = whenIdle(() => void this.load());
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a workspace shows, as far as the browser's history keeps it. */
export interface WorkspaceLocation {
  /** The open session's id, or empty. */
  readonly session: string;
  /** The open operator thread's id, or empty. */
  readonly thread: string;
  /** Which pane is in front on a narrow screen. */
  readonly pane: WorkspacePane;
}

/** The pane in front when only one fits: the list, a conversation, or its operator threads. */
export type WorkspacePane = 'list' | 'session' | 'threads';

/**
 * Where a workspace keeps its place: `none` (nowhere: Back leaves the page), `state` (history
 * entries, URL unchanged: Back walks back through panes and sessions), `url` (history entries
 * and `?session=…&thread=…` in the address, so a link opens the same conversation).
 */
export type WorkspaceHistoryMode = 'none' | 'state' | 'url';

const STATE_KEY = 'chatWorkspace';
const PANES: readonly WorkspacePane[] = ['list', 'session', 'threads'];

function isLocation(value: unknown): value is WorkspaceLocation {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.session === 'string' &&
    typeof record.thread === 'string' &&
    PANES.includes(record.pane as WorkspacePane)
  );
}

/**
 * Keeps a workspace's place in the browser's history, so Back on a phone goes from a thread to
 * its conversation to the list, and a URL can open a conversation. Entries carry the location
 * under one key of `history.state`, leaving the rest of the host's state alone.
 */
export class WorkspaceHistoryController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      readonly mode: () => WorkspaceHistoryMode;
      /** Called when the browser moves to another of our entries (Back, Forward). */
      readonly restore: (location: WorkspaceLocation) => void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.handlePopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handlePopState);
  }

  /** The location the page was opened at (the URL's in `url` mode, else the current entry's). */
  initial(): WorkspaceLocation | null {
    const mode = this.options.mode();
    if (mode === 'none') return null;
    const kept: unknown = (history.state as Record<string, unknown> | null)?.[STATE_KEY];
    if (isLocation(kept)) return kept;
    if (mode !== 'url') return null;
    const params = new URLSearchParams(location.search);
    const session = params.get('session') ?? '';
    const thread = session ? (params.get('thread') ?? '') : '';
    return { session, thread, pane: thread ? 'threads' : session ? 'session' : 'list' };
  }

  /** Whether the entry before the current one is ours (so Back stays in the workspace). */
  canGoBack(): boolean {
    return this.options.mode() !== 'none' && this.depth() > 0;
  }

  /** Goes back one of our entries (the browser then restores it through `restore`). */
  back(): void {
    history.back();
  }

  /** Records a move: a new entry (`push`) or a change of the current one. */
  record(next: WorkspaceLocation, how: 'push' | 'replace'): void {
    const mode = this.options.mode();
    if (mode === 'none') return;
    const current = (history.state as Record<string, unknown> | null)?.[STATE_KEY];
    if (isLocation(current) && sameLocation(current, next)) return;
    const depth = how === 'push' && isLocation(current) ? this.depth() + 1 : this.depth();
    const state = { ...(history.state as object | null), [STATE_KEY]: { ...next, depth } };
    const url = mode === 'url' ? urlFor(next) : location.href;
    if (how === 'push' && isLocation(current)) history.pushState(state, '', url);
    else history.replaceState(state, '', url);
  }

  private depth(): number {
    const kept = (history.state as Record<string, unknown> | null)?.[STATE_KEY] as
      { depth?: unknown } | undefined;
    return typeof kept?.depth === 'number' ? kept.depth : 0;
  }

  private readonly handlePopState = (event: PopStateEvent): void => {
    if (this.options.mode() === 'none') return;
    const kept: unknown = (event.state as Record<string, unknown> | null)?.[STATE_KEY];
    if (isLocation(kept)) this.options.restore(kept);
    this.host.requestUpdate();
  };
}

function sameLocation(a: WorkspaceLocation, b: WorkspaceLocation): boolean {
  return a.session === b.session && a.thread === b.thread && a.pane === b.pane;
}

function urlFor(next: WorkspaceLocation): string {
  const url = new URL(location.href);
  if (next.session) url.searchParams.set('session', next.session);
  else url.searchParams.delete('session');
  if (next.session && next.thread) url.searchParams.set('thread', next.thread);
  else url.searchParams.delete('thread');
  return url.href;
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How many panes fit: list, conversation and threads; list and conversation; one at a time. */
export type WorkspaceLayout = 'wide' | 'medium' | 'narrow';

/** The narrowest widths of the wide and medium layouts, in CSS pixels of the element's box. */
export const LAYOUT_BREAKPOINTS = { wide: 1080, medium: 640 } as const;

/** The layout for a content-box width. */
export function layoutForWidth(width: number): WorkspaceLayout {
  if (width >= LAYOUT_BREAKPOINTS.wide) return 'wide';
  if (width >= LAYOUT_BREAKPOINTS.medium) return 'medium';
  return 'narrow';
}

/**
 * Watches the host's own width (not the viewport's: a workspace may sit in a column of a host
 * page) and asks for an update when the layout it implies changes. Observes while connected.
 */
export class WorkspaceLayoutController implements ReactiveController {
  /** The current layout; `narrow` until the first measurement (the safe choice on a phone). */
  layout: WorkspaceLayout = 'narrow';

  private observer: ResizeObserver | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: (layout: WorkspaceLayout) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.measure(this.host.getBoundingClientRect().width);
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) this.measure(entry.contentRect.width);
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private measure(width: number): void {
    // A host not laid out yet (display: none, detached) measures 0: keep what we had.
    if (width <= 0) return;
    const next = layoutForWidth(width);
    if (next === this.layout) return;
    this.layout = next;
    this.onChange(next);
    this.host.requestUpdate();
  }
}

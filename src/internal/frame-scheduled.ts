import { LitElement } from 'lit';

/** Longest wait for a frame: a page in a background tab gets none, and must still update. */
const FRAME_FALLBACK_MS = 50;

/**
 * Resolves at the next animation frame (before its style, layout and paint), or after
 * {@link FRAME_FALLBACK_MS} where no frame comes.
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const finish = (): void => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      resolve();
    };
    // Both run later (never during this call), when both constants are set.
    const frame = requestAnimationFrame(finish);
    const timer = setTimeout(finish, FRAME_FALLBACK_MS);
  });
}

/**
 * A LitElement that renders at most once per animation frame. Lit batches the changes of one
 * task into one update; a list fed by a change feed gets its rows task by task (50 incoming
 * replies are 50 tasks), and each update of a 10 000-session list rebuilds its rows. Waiting for
 * the frame folds every change that arrives before it into one update, shown in that frame.
 * The first render is not delayed. `updateComplete` still resolves after the update that
 * includes a change.
 */
export class FrameScheduledElement extends LitElement {
  private renderNow = false;

  /**
   * The next update renders at once (in this task), not at the next frame: for what the user
   * just did (a tab chosen), which the coming frame must show. Waiting would cost a frame: the
   * change would render in that frame's animation callbacks and its cards be laid out then.
   */
  protected renderNextUpdateNow(): void {
    this.renderNow = true;
  }

  protected override async scheduleUpdate(): Promise<void> {
    // The first render happens at once, as for any element; later ones wait for the frame.
    if (this.hasUpdated && !this.renderNow) await nextFrame();
    this.renderNow = false;
    await super.scheduleUpdate();
  }
}

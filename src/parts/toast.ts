import { html, nothing, type TemplateResult } from 'lit';

/** A button of a toast. */
export interface ToastAction {
  readonly label: string;
  /** Shown as an icon (×) with `label` as its name. */
  readonly icon?: boolean;
  readonly run: () => void;
}

/** One toast: a message and its buttons. */
export interface Toast {
  readonly message: string;
  readonly actions: readonly ToastAction[];
  /** An error (drawn in the danger colour). */
  readonly error?: boolean;
  /** Focus entering / leaving the toast (to pause a timer while the user is in it). */
  readonly onFocusIn?: () => void;
  readonly onFocusOut?: () => void;
}

/**
 * A live region for toasts: `status` for news (an undo offer), `alert` for errors. The region
 * is always rendered (a region added together with its text is often not announced); the toast
 * inside comes and goes. Parts: `toast`, `toast-message`, `toast-button`.
 */
export function renderToastRegion(role: 'status' | 'alert', toast: Toast | null): TemplateResult {
  return html`<div role=${role} class="toast-region">
    ${
      toast
        ? html`<div
          part="toast"
          class=${toast.error ? 'toast error' : 'toast'}
          @focusin=${toast.onFocusIn ?? nothing}
          @focusout=${toast.onFocusOut ?? nothing}
        >
          <span part="toast-message" class="toast-message">${toast.message}</span>
          ${toast.actions.map((action) =>
            action.icon
              ? html`<button
                  part="toast-button"
                  class="button small icon"
                  type="button"
                  aria-label=${action.label}
                  title=${action.label}
                  @click=${action.run}
                >
                  <span aria-hidden="true">×</span>
                </button>`
              : html`<button part="toast-button" class="button small" type="button" @click=${action.run}>
                  ${action.label}
                </button>`,
          )}
        </div>`
        : nothing
    }
  </div>`;
}

/** Hides something after a delay, paused while the user is inside it (the undo toast). */
export class ToastTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly expire: () => void) {}

  /** Starts (or restarts) the countdown; 0 keeps it until dismissed. */
  arm(timeout: number): void {
    this.stop();
    if (timeout > 0) this.timer = setTimeout(this.expire, timeout);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

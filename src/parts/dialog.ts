import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a modal `<dialog>` in step with its host's state: after each render it opens (modal,
 * focusing the `[autofocus]` control) when the host wants it open, and closes when not.
 * Escape and the dialog closing itself reach the host through the dialog's `close` event.
 */
export class DialogController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: {
      /** The rendered `<dialog>`. */
      readonly dialog: () => HTMLDialogElement | null;
      /** Whether the host wants it open. */
      readonly open: () => boolean;
    },
  ) {
    host.addController(this);
  }

  /** Whether the host wants the dialog open (it holds focus then). */
  get open(): boolean {
    return this.options.open();
  }

  hostUpdated(): void {
    const dialog = this.options.dialog();
    if (!dialog) return;
    const wanted = this.options.open();
    if (wanted && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
    } else if (!wanted && dialog.open) {
      dialog.close();
    }
  }
}

import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { CompletionOutcome, Session, SessionAction } from '@chat-sessions/sdk';
import { loadRequestEditor } from '../actions/request-editor-loader.js';
import type { SelectionController } from '../controllers/selection.js';
import type { SessionListSource } from '../controllers/session-list-source.js';
import { ChatSessionDeleteRequestEvent } from '../events.js';
import { renderToastRegion, ToastTimer } from '../parts/toast.js';
import type { ActionOptions } from './action-runner.js';
import type { DialogState } from './dialogs.js';
import { LazyChunkController } from '../controllers/lazy-chunk.js';
import { adoptOnUseStyles, loadSidebarOnUse, type SidebarOnUse } from './on-use-loader.js';
import type { ChatSidebarStrings } from './strings.js';

/** A delete that can be undone: the sessions it moved to the trash and the toast's text. */
export interface UndoState {
  readonly sessions: readonly Session[];
  readonly message: string;
}

/** What the sidebar's actions need from the sidebar. */
export interface SidebarActionsOptions {
  /** Where writes go (none: the host applies what the events ask for). */
  readonly source: () => SessionListSource | null;
  readonly text: () => ChatSidebarStrings;
  readonly selection: SelectionController;
  /** How long the undo toast stays, in ms (0: until dismissed). */
  readonly undoTimeout: () => number;
  /** Gives focus back to a session's card (by id) or an element when a dialog closes. */
  readonly returnFocus: (to: string | HTMLElement) => void;
  /** Focuses a session's card after the next render. */
  readonly focusSession: (id: string) => void;
}

/**
 * The sidebar's action runner: runs an action from the action table on sessions (at once, or
 * after its dialog: rename, complete's outcome, delete's confirmation), reports failures in an
 * error toast and offers undo after a delete (the undo toast, Ctrl+Z). Owns the dialog and the
 * toasts and renders them. What only runs once the broker acts (the runs, the bulk bar, the
 * dialogs' submit, undo) is in the lazy chunk (./action-flow.ts), working on this state.
 */
export class SidebarActions implements ReactiveController {
  /** The open dialog. */
  dialog: DialogState | null = null;
  /** The outcome chosen in the complete dialog: none until the broker picks one. */
  outcome: CompletionOutcome | null = null;
  /** The last delete, while it can be undone. */
  undo: UndoState | null = null;
  /** The alert toast's message ('' for none). */
  problem = '';
  private selecting = false;
  /** The undo toast's countdown. */
  readonly timer = new ToastTimer(() => this.set(() => (this.undo = null)));
  /**
   * The lazy chunk of the sidebar's menus, dialogs and bulk bar (./on-use.ts): loaded while idle
   * after the first paint (so they work offline as well), on intent (`preload`) or on first use;
   * a failed load shows in the alert toast and is retried on next use.
   */
  readonly onUse: LazyChunkController<SidebarOnUse>;

  constructor(
    readonly host: HTMLElement & ReactiveControllerHost,
    readonly options: SidebarActionsOptions,
  ) {
    host.addController(this);
    this.onUse = new LazyChunkController<SidebarOnUse>(host, {
      load: loadSidebarOnUse,
      loaded: (chunk) => adoptOnUseStyles(host.shadowRoot, chunk),
      failed: () => this.report(this.options.text().partFailed),
    });
  }

  hostDisconnected(): void {
    this.timer.stop();
  }

  hostUpdate(): void {
    // A selection starting shows the bulk bar, from the lazy chunk (loaded, or retried, now).
    const selecting = this.options.selection.size > 0;
    if (selecting && !this.selecting && !this.onUse.value) void this.onUse.use();
    this.selecting = selecting;
  }

  /** Whether a delete can be undone now. */
  get canUndo(): boolean {
    return this.undo !== null;
  }

  /** Shows an error in the alert toast. */
  report(message: string): void {
    this.set(() => (this.problem = message));
  }

  /** A session's name for dialogs and messages: its title, its route, or "Untitled chat". */
  nameOf(session: Session): string {
    const title = session.title.trim();
    if (title) return title;
    const first = session.legs[0];
    const last = session.legs.at(-1);
    if (first && last) return `${first.from} → ${last.to}`;
    return this.options.text().untitledSession;
  }

  /**
   * Announces `action` on each session, then applies it through the store to those the host
   * did not take over; a failure shows as an error toast. Resolves with the sessions it went
   * through for. The work is done in the lazy chunk, loaded by then (the menus, the bar and the
   * dialogs that lead here come with it) but for the trash view's restore, which may wait for
   * it; nothing is done when it can't be loaded (reported through `failed`, retried on next use).
   */
  async apply(
    action: SessionAction,
    sessions: readonly Session[],
    options: ActionOptions = {},
  ): Promise<Session[]> {
    const chunk = this.onUse.value ?? (await this.onUse.use());
    return chunk ? chunk.applyAction(this, action, sessions, options) : [];
  }

  /** Runs what a menu item asks for: at once, or after its dialog (the menus' chunk is loaded). */
  run(action: SessionAction, sessions: readonly Session[], returnTo: string | HTMLElement): void {
    this.onUse.value?.runAction(this, action, sessions, returnTo);
  }

  /** Opens the request editor on a flight request (its element loaded first). */
  async edit(session: Session, returnTo: string | HTMLElement): Promise<void> {
    try {
      await loadRequestEditor();
    } catch (error) {
      this.report(error instanceof Error ? error.message : String(error));
      return;
    }
    await this.openDialog({ kind: 'edit', session, returnTo });
  }

  /** Asks the host (cancelable `chat-session-delete-request`), then the broker, before deleting. */
  requestDelete(sessions: readonly Session[], returnTo: string | HTMLElement): void {
    if (sessions.length === 0) return;
    if (!this.host.dispatchEvent(new ChatSessionDeleteRequestEvent(sessions))) return;
    void this.openDialog({ kind: 'delete', sessions, returnTo });
  }

  /**
   * Shows a dialog once the dialogs' chunk is there (at once after the first use; a failed load
   * is reported and the dialog stays closed, focus where it was).
   */
  async openDialog(dialog: DialogState): Promise<void> {
    const chunk = this.onUse.value ?? (await this.onUse.use());
    if (chunk) this.set(() => (this.dialog = dialog));
  }

  /** Ctrl+Z (⌘Z) anywhere in the sidebar but a text field: undoes the last delete. */
  readonly handleUndoKey = (event: KeyboardEvent): void => {
    if (!this.canUndo || event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey))
      return;
    // Text fields keep their own undo.
    const target = event.composedPath()[0];
    if (event.shiftKey || target instanceof HTMLInputElement) return;
    if (target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    this.undoDelete();
  };

  /** Restores what the last delete moved to the trash (the delete loaded the chunk). */
  undoDelete(): void {
    void this.onUse.value?.undoDelete(this);
  }

  /**
   * The bar of actions on the selected `sessions` (nothing until its chunk has loaded, which a
   * selection starting asks for). `returnTo`: the card focus goes back to after a dialog.
   */
  renderBulkBar(
    sessions: readonly Session[],
    countFormatted: string,
    returnTo: () => string,
  ): TemplateResult | typeof nothing {
    return this.onUse.value?.renderBulkBar(this, sessions, countFormatted, returnTo) ?? nothing;
  }

  /** The dialog (nothing until its chunk has loaded: no dialog can be open before). */
  render(): TemplateResult | typeof nothing {
    return this.onUse.value?.renderDialogs(this) ?? nothing;
  }

  renderToasts(): TemplateResult {
    const text = this.options.text();
    const undo = this.undo;
    const dismiss = { label: text.dismiss, icon: true };
    const closeUndo = () => {
      this.timer.stop();
      this.set(() => (this.undo = null));
    };
    return html`<div class="toasts" part="toasts">
      ${renderToastRegion(
        'status',
        undo
          ? {
              message: undo.message,
              actions: [
                { label: text.undo, run: () => this.undoDelete() },
                { ...dismiss, run: closeUndo },
              ],
              onFocusIn: () => this.timer.stop(),
              onFocusOut: () => this.timer.arm(this.options.undoTimeout()),
            }
          : this.onUse.slow
            ? { message: text.openingPart, actions: [] }
            : null,
      )}
      ${renderToastRegion(
        'alert',
        this.problem
          ? {
              message: this.problem,
              error: true,
              actions: [{ ...dismiss, run: () => this.report('') }],
            }
          : null,
      )}
    </div>`;
  }

  /** Makes a change of this state and renders it. */
  set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  /** Closes the dialog, focus back where it was opened from; resolves with what was open. */
  closeDialog(): DialogState | null {
    const dialog = this.dialog;
    this.set(() => (this.dialog = null));
    if (dialog) this.options.returnFocus(dialog.returnTo);
    return dialog;
  }
}

import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { CompletionOutcome, Session, SessionAction } from '@chat-sessions/sdk';
import { loadRequestEditor } from '../actions/request-editor-loader.js';
import { allows, plainLabel } from '../actions/session-actions.js';
import type { SelectionController } from '../controllers/selection.js';
import type { SessionListSource } from '../controllers/session-list-source.js';
import { ChatSessionDeleteRequestEvent } from '../events.js';
import { renderToastRegion, ToastTimer } from '../parts/toast.js';
import { runSessionAction, type ActionOptions } from './action-runner.js';
import type { DialogState } from './dialogs.js';
import { LazyChunkController } from '../controllers/lazy-chunk.js';
import { adoptOnUseStyles, loadSidebarOnUse, type SidebarOnUse } from './on-use-loader.js';
import type { ChatSidebarStrings } from './strings.js';

interface UndoState {
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
 * toasts and renders them.
 */
export class SidebarActions implements ReactiveController {
  /** The open dialog. */
  dialog: DialogState | null = null;
  /** The outcome chosen in the complete dialog: none until the broker picks one. */
  private outcome: CompletionOutcome | null = null;
  private undo: UndoState | null = null;
  private problem = '';
  private selecting = false;
  private readonly timer = new ToastTimer(() => this.set(() => (this.undo = null)));
  /**
   * The lazy chunk of the sidebar's menus, dialogs and bulk bar (./on-use.ts): loaded while idle
   * after the first paint (so they work offline as well), on intent (`preload`) or on first use;
   * a failed load shows in the alert toast and is retried on next use.
   */
  readonly onUse: LazyChunkController<SidebarOnUse>;

  constructor(
    private readonly host: HTMLElement & ReactiveControllerHost,
    private readonly options: SidebarActionsOptions,
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
   * through for.
   */
  async apply(
    action: SessionAction,
    sessions: readonly Session[],
    options: ActionOptions = {},
  ): Promise<Session[]> {
    const source = this.options.source();
    const { done, failures } = await runSessionAction(this.host, source, action, sessions, options);
    const [first] = failures;
    if (first) {
      const text = this.options.text();
      const more = failures.length > 1 ? ` (+${failures.length - 1})` : '';
      this.report(
        text.actionFailed(plainLabel(text.actionLabels[action]), `${first.message}${more}`),
      );
    } else if (this.problem && source && done.length > 0) this.report(''); // it went through now
    return done;
  }

  /** Runs what a menu item, key or bulk button asks for: at once, or after its dialog. */
  run(action: SessionAction, sessions: readonly Session[], returnTo: string | HTMLElement): void {
    if (sessions.length === 0) return;
    const [first] = sessions;
    if (action === 'delete') {
      this.requestDelete(sessions, returnTo);
    } else if (action === 'rename' && first) {
      void this.openDialog({ kind: 'rename', session: first, returnTo });
    } else if (action === 'complete') {
      this.outcome = null;
      void this.openDialog({ kind: 'complete', sessions, returnTo });
    } else {
      void this.apply(action, sessions);
    }
  }

  /**
   * A button of the bulk bar: the action on the selected sessions that allow it (archive and
   * complete also end the selection).
   */
  bulk(action: SessionAction, selected: readonly Session[], returnTo: string): void {
    const sessions = selected.filter((session) => allows(session, action));
    if (action === 'archive') {
      void this.apply('archive', sessions);
      this.options.selection.set([]);
    } else if (action === 'mark_read') {
      void this.apply('mark_read', sessions);
    } else {
      this.run(action, sessions, returnTo);
    }
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
  private async openDialog(dialog: DialogState): Promise<void> {
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
    void this.undoDelete();
  };

  /** Restores what the last delete moved to the trash. */
  async undoDelete(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    const root = this.host.shadowRoot;
    const focusWasInToast = root?.querySelector('.toast')?.contains(root.activeElement ?? null);
    this.timer.stop();
    this.set(() => (this.undo = null));
    const restored = await this.apply('restore', undo.sessions);
    const [first] = restored;
    // The Undo button is gone: focus the session that came back.
    if (focusWasInToast && first) this.options.focusSession(first.id);
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
    return (
      this.onUse.value?.renderBulkBar({
        text: this.options.text(),
        sessions,
        countFormatted,
        onAction: (action) => this.bulk(action, sessions, returnTo()),
        onClear: () => this.options.selection.clear(),
      }) ?? nothing
    );
  }

  /** The dialog (nothing until its chunk has loaded: no dialog can be open before). */
  render(): TemplateResult | typeof nothing {
    const chunk = this.onUse.value;
    if (!chunk) return nothing;
    const text = this.options.text();
    return chunk.renderDialogs({
      text,
      dialog: this.dialog,
      nameOf: (session) => this.nameOf(session),
      outcome: this.outcome,
      onOutcome: (outcome) => this.set(() => (this.outcome = outcome)),
      onSubmit: (event) => this.handleSubmit(event),
      onCancel: () => void this.closeDialog(),
      // Escape, or the dialog closed by itself.
      onClose: () => {
        if (this.dialog) this.closeDialog();
      },
      list: this.options.source(),
      onEditorClose: () => void this.closeDialog(),
    });
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
                { label: text.undo, run: () => void this.undoDelete() },
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

  private set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  private closeDialog(): DialogState | null {
    const dialog = this.dialog;
    this.set(() => (this.dialog = null));
    if (dialog) this.options.returnFocus(dialog.returnTo);
    return dialog;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const dialog = this.closeDialog();
    if (!dialog) return;
    if (dialog.kind === 'rename') {
      const title =
        (form.elements.namedItem('title') as HTMLInputElement | null)?.value.trim() ?? '';
      if (title && title !== dialog.session.title)
        void this.apply('rename', [dialog.session], { title });
    } else if (dialog.kind === 'complete') {
      const completable = dialog.sessions.filter((session) => allows(session, 'complete'));
      // The radios are required, so the form submits only with an outcome chosen.
      if (this.outcome) void this.apply('complete', completable, { outcome: this.outcome });
      this.options.selection.set([]);
    } else if (dialog.kind === 'delete') {
      void this.confirmDelete(dialog.sessions);
    }
  }

  private async confirmDelete(sessions: readonly Session[]): Promise<void> {
    const deleted = await this.apply('delete', sessions);
    if (deleted.length === 0) return;
    const removed = new Set(deleted.map((session) => session.id));
    this.options.selection.retain((id) => !removed.has(id));
    const [first] = deleted;
    const text = this.options.text();
    this.set(
      () =>
        (this.undo = {
          sessions: deleted,
          message: text.deleted(deleted.length, first ? this.nameOf(first) : ''),
        }),
    );
    this.timer.arm(this.options.undoTimeout());
  }
}

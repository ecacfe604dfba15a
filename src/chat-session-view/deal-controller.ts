import { problemText } from '../internal/problem-text.js';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { ChatRequestEditorCloseEvent } from '../request-editor/events.js';
import type { FlightRequestStage, Session } from '@chat-sessions/sdk';
import { ChatSessionEditEvent } from '../actions/session-edit-event.js';
import { loadRequestEditor } from '../actions/request-editor-loader.js';
import { writeSessionPatch, type SessionPatchTarget } from '../actions/session-patch.js';
import { FocusGroupController } from '../controllers/focus-group.js';
import { MenuController } from '../parts/menu.js';
import type { StageStepperView } from './stage-stepper.js';
import type { ChatSessionViewStrings } from './strings.js';

/** What the deal controller needs from the session view. */
export interface DealControllerOptions {
  readonly session: () => Session | null;
  readonly text: () => ChatSessionViewStrings;
  readonly target: () => SessionPatchTarget;
  /** Reports a saved row (the view keeps the newest) or a problem ('' clears it). */
  readonly saved: (session: Session) => void;
  readonly problem: (message: string) => void;
}

/**
 * The deal part of a session view: the stage stepper (roving focus, one press sets the stage,
 * shown at once and saved through the shared list or the client) and the request editor's
 * open state (its element loaded on first use).
 */
export class DealController implements ReactiveController {
  /** The stage being saved, shown before the answer. */
  pendingStage: FlightRequestStage | null = null;
  /** The request editor is open (and its element defined). */
  editorOpen = false;
  /** In a narrow view, whether the header shows the stepper and the actions. */
  actionsShown = false;

  /** The compact stage picker's menu is open. */
  stageMenuOpen = false;

  private readonly steps: FocusGroupController<HTMLButtonElement>;
  private readonly stageMenu: MenuController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DealControllerOptions,
  ) {
    host.addController(this);
    this.steps = new FocusGroupController<HTMLButtonElement>(host, {
      orientation: 'horizontal',
      elements: () => [
        ...(host.shadowRoot?.querySelectorAll<HTMLButtonElement>("[part~='stage-step']") ?? []),
      ],
      current: () =>
        host.shadowRoot?.querySelector<HTMLButtonElement>(
          "[part~='stage-step'][aria-current='step']",
        ),
    });
    this.stageMenu = new MenuController(host, {
      menu: () => host.shadowRoot?.querySelector<HTMLElement>('#stage-menu') ?? null,
      close: (returnFocus) => this.closeStageMenu(returnFocus),
      tab: 'leave',
    });
  }

  hostConnected(): void {}

  /** Closes the editor (a session change, say) without moving focus. */
  reset(): void {
    this.pendingStage = null;
    this.editorOpen = false;
    this.actionsShown = false;
    this.stageMenuOpen = false;
  }

  /**
   * Opens the compact picker's menu on the current stage (else its first or last one), or
   * closes it.
   */
  toggleStageMenu(edge: 'first' | 'last'): void {
    this.stageMenuOpen = !this.stageMenuOpen;
    this.host.requestUpdate();
    if (!this.stageMenuOpen) return;
    this.stageMenu.opened(edge);
    // After the menu controller focused its edge (it runs in the update): the current stage.
    void this.host.updateComplete.then(() =>
      this.host.shadowRoot
        ?.querySelector<HTMLElement>("[part~='stage-menu-item'][aria-current='true']")
        ?.focus(),
    );
  }

  /** Closes the picker's menu; focus goes back to the picker when asked. */
  closeStageMenu(returnFocus: boolean): void {
    if (!this.stageMenuOpen) return;
    this.stageMenuOpen = false;
    this.host.requestUpdate();
    if (returnFocus) {
      this.host.shadowRoot?.querySelector<HTMLElement>("[part~='stage-picker']")?.focus();
    }
  }

  /** Shows or hides the stepper and the actions in a narrow view (a phone). */
  toggleActions(): void {
    this.actionsShown = !this.actionsShown;
    this.host.requestUpdate();
  }

  /** The stepper's part of the header. */
  stepperView(): StageStepperView {
    return {
      text: this.options.text(),
      pendingStage: this.pendingStage,
      handleStageClick: (event) => {
        const stage = (event.currentTarget as HTMLElement).dataset.stage as FlightRequestStage;
        void this.setStage(stage);
      },
      handleStageKeyDown: (event) => void this.steps.handleKeyDown(event),
      stageMenuOpen: this.stageMenuOpen,
      stageMenu: this.stageMenu,
      handleStagePickerClick: () => this.toggleStageMenu('first'),
      handleStagePickerKeyDown: (event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        if (!this.stageMenuOpen) this.toggleStageMenu(event.key === 'ArrowDown' ? 'first' : 'last');
      },
      handleStageMenuClick: (event) => {
        const stage = (event.currentTarget as HTMLElement).dataset.stage as FlightRequestStage;
        this.closeStageMenu(true);
        void this.setStage(stage);
      },
    };
  }

  /** Moves the deal to `stage`: shown at once, saved, taken back with the reason on failure. */
  async setStage(stage: FlightRequestStage): Promise<void> {
    const session = this.options.session();
    if (!session || session.stage === stage || this.pendingStage) return;
    const text = this.options.text();
    if (!this.host.dispatchEvent(new ChatSessionEditEvent(session, { stage }))) return;
    this.pendingStage = stage;
    this.options.problem('');
    this.host.requestUpdate();
    const result = await writeSessionPatch(this.options.target(), session.id, { stage });
    this.pendingStage = null;
    if (result.data) this.options.saved(result.data);
    if (result.error) this.options.problem(text.stageFailed(problemText(result.error)));
    this.host.requestUpdate();
  }

  /** Opens the request editor (loading its element first), or closes it. */
  async toggleEditor(): Promise<void> {
    if (this.editorOpen) {
      this.closeEditor(true);
      return;
    }
    try {
      await loadRequestEditor();
    } catch (error) {
      this.options.problem(error instanceof Error ? error.message : String(error));
      return;
    }
    this.editorOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('chat-request-editor')?.focus();
  }

  /** Closes the editor; focus goes back to the Edit request button when it was inside. */
  closeEditor(returnFocus: boolean): void {
    if (!this.editorOpen) return;
    this.editorOpen = false;
    this.host.requestUpdate();
    if (returnFocus) {
      void this.host.updateComplete.then(() =>
        this.host.shadowRoot?.querySelector<HTMLElement>("[part~='edit-request-button']")?.focus(),
      );
    }
  }

  /** The request editor, under the header's actions while open (its element is loaded by then). */
  renderEditor(
    locale: string,
    onClose: (event: ChatRequestEditorCloseEvent) => void,
  ): TemplateResult | typeof nothing {
    const session = this.options.session();
    if (!this.editorOpen || !session) return nothing;
    const target = this.options.target();
    return html`<chat-request-editor
      id="request-editor"
      part="request-editor"
      .session=${session}
      .client=${target.client ?? null}
      .list=${target.list ?? null}
      locale=${locale}
      @chat-request-editor-close=${onClose}
    ></chat-request-editor>`;
  }
}

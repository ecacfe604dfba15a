import { html, nothing, type TemplateResult } from 'lit';
import { FLIGHT_REQUEST_STAGES, type FlightRequestStage, type Session } from '@chat-sessions/sdk';
import type { MenuController } from '../parts/menu.js';
import type { ChatSessionViewStrings } from './strings.js';

/** What the stage stepper shows and reports. */
export interface StageStepperView {
  readonly text: ChatSessionViewStrings;
  /** The stage being saved, shown at once. */
  readonly pendingStage: FlightRequestStage | null;
  /** A segment or the Next button: sets the stage named by the target's `data-stage`. */
  readonly handleStageClick: (event: Event) => void;
  readonly handleStageKeyDown: (event: KeyboardEvent) => void;
  /** The compact picker's menu is open. */
  readonly stageMenuOpen: boolean;
  readonly stageMenu: MenuController;
  /** The compact picker's button: opens or closes its menu (↓/↑ open it too). */
  readonly handleStagePickerClick: () => void;
  readonly handleStagePickerKeyDown: (event: KeyboardEvent) => void;
  /** A stage in the picker's menu: closes it and sets the stage (its `data-stage`). */
  readonly handleStageMenuClick: (event: Event) => void;
}

/** The compact picker's menu: the ten stages by name, the current one marked. */
function renderStageMenu(
  view: StageStepperView,
  current: FlightRequestStage | null,
): TemplateResult {
  const text = view.text;
  return html`<div
    part="menu stage-menu"
    id="stage-menu"
    role="menu"
    aria-label=${text.stagePicker}
    @keydown=${view.stageMenu.handleKeyDown}
  >
    ${FLIGHT_REQUEST_STAGES.map(
      (stage) => html`<button
        part="menu-item stage-menu-item"
        role="menuitem"
        type="button"
        tabindex="-1"
        data-stage=${stage}
        aria-current=${stage === current ? 'true' : 'false'}
        @click=${view.handleStageMenuClick}
      >
        ${text.stageLabels[stage]}
      </button>`,
    )}
  </div>`;
}

/**
 * The pipeline of a flight request, so the broker sees where the deal is and what comes next
 * without hovering:
 *
 * - the ten stages in order as one toolbar of buttons (one tab stop; ←/→, Home and End move,
 *   Enter, Space or a click sets the stage), the stages before the current one drawn done, each
 *   in its stage's colour; every segment carries its stage's name, shown under it where the view
 *   is wide enough for ten names;
 * - where it is not, a compact picker ("Stage Requesting quotes ▾", a menu of the stages by
 *   name, like Complete's outcomes) takes the names' place, so a stage is chosen by name on a
 *   phone too; moving in the menu saves nothing, choosing saves as a segment's press does;
 * - "Next: Proposal ready →", one press to the following stage (none after the last).
 *
 * Nothing for a general chat or a session in the trash.
 */
export function renderStageStepper(
  view: StageStepperView,
  session: Session,
): TemplateResult | typeof nothing {
  if (session.kind !== 'flight_request' || session.deletedAt !== null) return nothing;
  const text = view.text;
  const current = view.pendingStage ?? session.stage;
  const currentIndex = current ? FLIGHT_REQUEST_STAGES.indexOf(current) : -1;
  const total = FLIGHT_REQUEST_STAGES.length;
  const next = FLIGHT_REQUEST_STAGES[currentIndex + 1];
  return html`<div part="pipeline">
    <div
      part="stage-stepper"
      role="toolbar"
      aria-label=${text.stageStepper(current ? text.stageLabels[current] : text.stageNotSet)}
      @keydown=${view.handleStageKeyDown}
    >
      ${FLIGHT_REQUEST_STAGES.map((stage, index) => {
        const label = text.stageLabels[stage];
        const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo';
        return html`<button
          part="stage-step"
          type="button"
          class=${state}
          data-stage=${stage}
          title=${label}
          aria-label=${text.stageStep(label, index + 1, total)}
          aria-current=${state === 'current' ? 'step' : 'false'}
          @click=${view.handleStageClick}
        >
          <span part="stage-step-label">${label}</span>
        </button>`;
      })}
    </div>
    <div part="stage-row">
      <div class="menu-anchor" @focusout=${view.stageMenu.handleFocusOut}>
        <button
          part="stage-picker"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${view.stageMenuOpen ? 'true' : 'false'}
          aria-controls="stage-menu"
          @click=${view.handleStagePickerClick}
          @keydown=${view.handleStagePickerKeyDown}
        >
          <span part="stage-picker-label">${text.stagePicker}</span>
          <span part="stage-picker-value" data-stage=${current ?? nothing}
            >${current ? text.stageLabels[current] : text.stageNotSet}</span
          >
          <span aria-hidden="true">▾</span>
        </button>
        ${view.stageMenuOpen ? renderStageMenu(view, current) : nothing}
      </div>
      ${
        next
          ? html`<button
            part="stage-next-button"
            type="button"
            data-stage=${next}
            @click=${view.handleStageClick}
          >
            ${text.nextStage(text.stageLabels[next])} <span aria-hidden="true">→</span>
          </button>`
          : nothing
      }
    </div>
  </div>`;
}

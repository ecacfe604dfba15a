import { html, nothing, type TemplateResult } from 'lit';
import { FLIGHT_REQUEST_STAGES, type FlightRequestStage, type Session } from '@chat-sessions/sdk';
import type { ChatSessionViewStrings } from './strings.js';

/** What the stage stepper shows and reports. */
export interface StageStepperView {
  readonly text: ChatSessionViewStrings;
  /** The stage being saved, shown at once. */
  readonly pendingStage: FlightRequestStage | null;
  readonly handleStageClick: (event: Event) => void;
  readonly handleStageKeyDown: (event: KeyboardEvent) => void;
}

/**
 * The pipeline stepper of a flight request: the ten stages in order as one toolbar of
 * buttons (one tab stop; ←/→, Home and End move, Enter, Space or a click sets the stage). The
 * stages before the current one are drawn done, each in its stage's colour. Nothing for a
 * general chat or a session in the trash.
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
  return html`<div
    part="stage-stepper"
    role="toolbar"
    aria-label=${text.stageStepper(current ? text.stageLabels[current] : '')}
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
      ></button>`;
    })}
  </div>`;
}

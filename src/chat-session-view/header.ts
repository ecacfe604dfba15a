import { html, nothing, type TemplateResult } from 'lit';
import { statusText, type LifecycleAction, type Session } from '@chat-sessions/sdk';
import { lifecycleActions, OUTCOMES } from '../actions/session-actions.js';
import { routeShape } from '../flight-request-card/route.js';
import { dealName } from '../internal/deal-name.js';
import type { Formatter } from '../internal/format.js';
import type { MenuController } from '../parts/menu.js';
import type { Clock } from '../types.js';
import { renderStageStepper, type StageStepperView } from './stage-stepper.js';
import type { ChatSessionViewStrings } from './strings.js';

/** What the session view's header shows and reports. */
export interface SessionHeaderView {
  readonly text: ChatSessionViewStrings;
  readonly formatter: Formatter;
  readonly clock: Clock;
  readonly headingLevel: number;
  readonly sessionProblem: string;
  readonly actionProblem: string;
  readonly pendingAction: LifecycleAction | null;
  readonly outcomeMenuOpen: boolean;
  readonly outcomeMenu: MenuController;
  readonly threadsOpen: boolean;
  /** The threads are shown by the host (outside this shadow root): no `aria-controls`. */
  readonly threadsElsewhere: boolean;
  readonly handleActionClick: (event: Event) => void;
  readonly handleCompleteKeyDown: (event: KeyboardEvent) => void;
  readonly handleOutcomeClick: (event: Event) => void;
  readonly handleThreadsToggle: () => void;
  /** The pipeline stepper's state and handlers. */
  readonly stageStepper: StageStepperView;
  /** Whether the request editor is open (the Edit request button's `aria-expanded`). */
  readonly editorOpen: boolean;
  readonly handleEditRequest: () => void;
  /** In a narrow view, whether the stepper and the actions are shown (a toggle reveals them). */
  readonly actionsShown: boolean;
  readonly handleActionsToggle: () => void;
  /** The open request editor (placed under the actions), or nothing. */
  readonly editor: TemplateResult | typeof nothing;
}

/** The heading's content and what it is read as ("TEB to VNY, round trip"). */
function renderHeading(
  h: SessionHeaderView,
  session: Session,
): { content: TemplateResult; spoken: string } {
  const text = h.text;
  const title = session.title.trim();
  if (session.kind !== 'flight_request') {
    const name = title || text.untitled;
    return { content: html`<span part="title">${name}</span>`, spoken: name };
  }
  const shape = routeShape(session.tripType, session.legs);
  if (shape.type === 'none') {
    const name = title || text.routeNotSet;
    return { content: html`<span part="title">${name}</span>`, spoken: name };
  }
  const arrow = shape.type === 'round_trip' ? '⇄' : '→';
  const chains = shape.chains.map(
    (chain, chainIndex) =>
      html`${chainIndex > 0 ? ', ' : nothing}${chain.map(
        (code, index) =>
          html`${index > 0 ? html`<span class="arrow">${arrow}</span>` : nothing}${code}`,
      )}`,
  );
  const spoken =
    shape.chains.map((chain) => chain.join(` ${text.routeTo} `)).join(', ') +
    (shape.type === 'round_trip' ? `, ${text.roundTrip}` : '');
  const name = dealName(session);
  if (!name) return { content: html`<span part="route">${chains}</span>`, spoken };
  // The deal's name leads; the route goes under it.
  return {
    content: html`<span part="deal-name title" title=${name}>${name}</span
      ><span part="route">${chains}</span>`,
    spoken: `${name}, ${spoken}`,
  };
}

function renderDetails(h: SessionHeaderView, session: Session): TemplateResult {
  const text = h.text;
  const now = h.clock.now();
  const shape =
    session.kind === 'flight_request' ? routeShape(session.tripType, session.legs) : null;
  const dates = shape?.dates
    ? shape.dates.last
      ? h.formatter.calendarRange(shape.dates.first, shape.dates.last, now, 'long')
      : h.formatter.calendarDate(shape.dates.first, now, 'long')
    : '';
  const status = session.deletedAt !== null ? text.inTrash : statusText(session, text);
  return html`<div part="details">
    ${dates ? html`<span part="dates">${dates}</span>` : nothing}
    ${
      session.passengers !== null
        ? html`<span part="passengers">${text.passengers(session.passengers, h.formatter.number(session.passengers))}</span>`
        : nothing
    }
    ${
      session.stage
        ? html`<span part="stage-badge" data-stage=${session.stage}>${text.stageLabels[session.stage]}</span>`
        : nothing
    }
    <span part="status" data-status=${session.status}>${status}</span>
  </div>`;
}

function renderActions(h: SessionHeaderView, session: Session): TemplateResult {
  const text = h.text;
  const actions = lifecycleActions(session);
  const busy = h.pendingAction !== null;
  const flightRequest = session.kind === 'flight_request';
  const editable = flightRequest && session.deletedAt === null;
  return html`<div part="actions" role="group" aria-label=${text.actionsLabel}>
    ${
      editable
        ? html`<button
          part="edit-request-button"
          type="button"
          aria-expanded=${h.editorOpen ? 'true' : 'false'}
          aria-controls="request-editor"
          @click=${h.handleEditRequest}
        >
          ${text.editRequest}
        </button>`
        : nothing
    }
    ${actions.map((action) =>
      action === 'complete'
        ? html`<div class="menu-anchor" @focusout=${h.outcomeMenu.handleFocusOut}>
            <button
              part="action-button"
              type="button"
              data-action="complete"
              aria-haspopup="menu"
              aria-expanded=${h.outcomeMenuOpen ? 'true' : 'false'}
              aria-controls="outcome-menu"
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${busy ? null : h.handleActionClick}
              @keydown=${busy ? null : h.handleCompleteKeyDown}
            >
              ${text.actionLabels.complete}
            </button>
            ${
              h.outcomeMenuOpen
                ? html`<div part="menu" id="outcome-menu" role="menu" aria-label=${text.outcomeMenuLabel} @keydown=${h.outcomeMenu.handleKeyDown}>
                  ${OUTCOMES.map(
                    (outcome) => html`<button
                      part="menu-item"
                      role="menuitem"
                      type="button"
                      tabindex="-1"
                      data-outcome=${outcome}
                      @click=${h.handleOutcomeClick}
                    >
                      ${text.outcomeLabels[outcome]}
                    </button>`,
                  )}
                </div>`
                : nothing
            }
          </div>`
        : html`<button
            part="action-button"
            type="button"
            data-action=${action}
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${busy ? null : h.handleActionClick}
          >
            ${text.actionLabels[action]}
          </button>`,
    )}
    ${flightRequest ? renderThreadsToggle(h, session) : nothing}
    <span part="action-status" role="status" class=${h.actionProblem ? 'error' : ''}
      >${
        h.pendingAction ? text.applying(text.actionLabels[h.pendingAction]) : h.actionProblem
      }</span
    >
  </div>`;
}

function renderThreadsToggle(h: SessionHeaderView, session: Session): TemplateResult {
  const unread = session.unreadCount;
  const label =
    unread > 0
      ? `${h.text.operators}, ${h.text.unreadReplies(unread, h.formatter.number(unread))}`
      : h.text.operators;
  return html`<button
    part="threads-toggle"
    type="button"
    aria-label=${label}
    aria-expanded=${h.threadsOpen ? 'true' : 'false'}
    aria-controls=${h.threadsElsewhere ? nothing : 'threads'}
    @click=${h.handleThreadsToggle}
  >
    ${h.text.operators}
    ${unread > 0 ? html`<span part="badge">${h.formatter.count(unread)}</span>` : nothing}
  </button>`;
}

export function renderSessionHeader(h: SessionHeaderView, session: Session | null): TemplateResult {
  if (!session) {
    return html`<header part="header">
      ${
        h.sessionProblem
          ? html`<p part="session-error" role="alert">${h.text.sessionFailed(h.sessionProblem)}</p>`
          : html`<p part="heading" role="heading" aria-level=${h.headingLevel}>${h.text.loadingSession}</p>`
      }
    </header>`;
  }
  const heading = renderHeading(h, session);
  return html`<header part="header">
    <div part="heading" role="heading" aria-level=${h.headingLevel} aria-label=${heading.spoken}>
      ${heading.content}
    </div>
    <button
      part="actions-toggle"
      type="button"
      aria-expanded=${h.actionsShown ? 'true' : 'false'}
      aria-controls="header-actions"
      @click=${h.handleActionsToggle}
    >
      ${h.text.actionsToggle}
    </button>
    ${renderDetails(h, session)}
    <div part="header-actions" id="header-actions" class=${h.actionsShown ? 'shown' : ''}>
      ${renderStageStepper(h.stageStepper, session)} ${renderActions(h, session)}
    </div>
    ${h.editor}
  </header>`;
}

import { css } from 'lit';
import { chatToken, elementTokens } from '../styles/tokens.js';
import { transcriptStyles } from '../internal/chat-transcript.styles.js';
import { stageColorRules, statusColorRules } from '../internal/theme.js';
import { stageStepperStyles } from './stage-stepper.styles.js';
import { touchTargetStyles } from '../styles/touch-targets.js';

const tokens = elementTokens('chat-session-view', {
  background: ['background', 'color-surface'],
  'header-background': ['header-background', 'color-surface'],
  color: ['color', 'color-text'],
  'muted-color': ['muted-color', 'color-text-muted'],
  'border-color': ['border-color', 'color-border'],
  radius: ['radius', 'radius'],
  accent: ['accent', 'color-accent'],
  'on-accent': ['on-accent', 'color-on-accent'],
  'hover-background': ['hover-background', 'color-surface-hover'],
  'focus-ring-color': ['focus-ring-color', 'color-focus-ring'],
  'error-color': ['error-color', 'color-danger'],
});

export const chatSessionViewStyles = [
  css`
  ${tokens}

    :host {

      display: flex;
      flex-direction: column;
      box-sizing: border-box;
      min-width: 0;
      min-height: 0;
      height: 100%;
      container-type: inline-size;
      background: var(--_background);
      color: var(--_color);
      font-family: ${chatToken('font-family')};
      font-size: ${chatToken('font-size')};
      line-height: 1.4;
    }

    :host([hidden]) {
      display: none;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    [part~='header'] {
      display: grid;
      gap: 6px;
      padding: 10px 12px;
      border-bottom: 1px solid var(--_border-color);
      background: var(--_header-background);
    }

    [part~='heading'] {
      margin: 0;
      min-width: 0;
      font-size: 1.125em;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    /* The deal's name on one line (ellipsis; the full name in its tooltip), the route under it. */
    [part~='deal-name'] {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    [part~='deal-name'] + [part~='route'] {
      display: block;
      color: var(--_muted-color);
      font-size: 0.875em;
    }

    [part~='route'] .arrow {
      padding: 0 0.25em;
      color: var(--_muted-color);
      font-weight: 400;
    }

    [part~='details'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 10px;
      color: var(--_muted-color);
    }

    [part~='stage-badge'],
    [part~='status'] {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 0 6px;
      border: 1px solid var(--_stage-color, var(--_status-color, var(--_border-color)));
      border-radius: 999px;
      color: var(--_color);
      white-space: nowrap;
    }

    [part~='status'] {
      border-color: var(--_status-color, var(--_border-color));
      border-radius: 4px;
    }

    [part~='stage-badge']::before {
      content: '';
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: var(--_stage-color);
    }

    [part~='header'] > [part~='actions-toggle'] {
      display: none;
    }

    [part~='header-actions'] {
      display: contents;
    }

    /* A phone: the header keeps the deal's name, route, dates, stage and the operators toggle;
       the stepper and the other actions wait behind a toggle, so the transcript keeps most of
       the screen. */
    @container (max-width: 479px) {
      [part~='header'] {
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: start;
      }
      [part~='header'] > * {
        grid-column: 1 / -1;
      }
      [part~='header'] > [part~='heading'] {
        grid-column: 1;
      }
      [part~='header'] > [part~='actions-toggle'] {
        display: inline-flex;
        grid-column: 2;
        grid-row: 1;
      }
      [part~='actions-toggle'][aria-expanded='true'] {
        background: var(--_hover-background);
      }
      [part~='header-actions'] {
        display: grid;
        gap: 6px;
      }
      /* Folded: only the operators toggle (its unread count matters on a phone too). */
      [part~='header-actions']:not(.shown) > [part~='pipeline'],
      [part~='header-actions']:not(.shown) [part~='actions'] > :not([part~='threads-toggle']) {
        display: none;
      }
    }

    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }

    [part~='action-button'],
    [part~='actions-toggle'],
    [part~='edit-request-button'],
    [part~='reply-button'],
    [part~='threads-toggle'] {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 3px 10px;
      border: 1px solid var(--_border-color);
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_background);
      color: var(--_color);
      font: inherit;
      cursor: pointer;
    }

    [part~='action-button']:hover,
    [part~='actions-toggle']:hover,
    [part~='edit-request-button']:hover,
    [part~='reply-button']:hover,
    [part~='threads-toggle']:hover {
      background: var(--_hover-background);
    }

    /* A touch screen: 44 px buttons (touchTargetStyles), their labels centred. */
    @media (pointer: coarse) {
      [part~='action-button'],
      [part~='actions-toggle'],
      [part~='edit-request-button'],
      [part~='reply-button'],
      [part~='threads-toggle'] {
        justify-content: center;
      }
    }

    [part~='action-button'][aria-disabled='true'] {
      cursor: progress;
    }

    [part~='request-editor'] {
      max-height: 70vh;
      overflow: auto;
      border-top: 1px solid var(--_border-color);
      padding-top: 6px;
    }

    [part~='closed-bar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 6px 12px;
      margin: 0 12px 12px;
      padding: 8px 10px;
      border: 1px dashed var(--_border-color);
      border-radius: var(--_radius);
      color: var(--_muted-color);
    }

    [part~='paused-note'] {
      margin: 0 12px 4px;
      color: var(--_muted-color);
      font-size: 0.875em;
    }

    [part~='threads-toggle'][aria-expanded='true'] {
      border-color: var(--_accent);
    }

    [part~='action-button']:focus-visible,
    [part~='edit-request-button']:focus-visible,
    [part~='reply-button']:focus-visible,
    [part~='threads-toggle']:focus-visible,
    [part~='menu-item']:focus-visible {
      outline: 2px solid var(--_focus-ring-color);
      outline-offset: 2px;
    }

    [part~='badge'] {
      min-width: 1.6em;
      padding: 0 6px;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_on-accent);
      font-size: 0.75rem;
      font-weight: 600;
      line-height: 1.6em;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }

    .menu-anchor {
      position: relative;
    }

    [part~='menu'] {
      position: absolute;
      z-index: 1;
      top: calc(100% + 4px);
      left: 0;
      display: grid;
      min-width: 10em;
      padding: 4px;
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.16);
    }

    [part~='menu-item'] {
      padding: 4px 8px;
      border: none;
      border-radius: 4px;
      background: transparent;
      color: var(--_color);
      font: inherit;
      text-align: start;
      cursor: pointer;
    }

    [part~='menu-item']:hover,
    [part~='menu-item']:focus {
      background: var(--_hover-background);
    }

    [part~='action-status'] {
      color: var(--_muted-color);
      font-size: 0.8125em;
    }

    [part~='action-status'].error,
    [part~='session-error'] {
      color: var(--_error-color);
    }

    [part~='body'] {
      display: grid;
      flex: 1 1 auto;
      grid-template-rows: minmax(0, 1fr) auto;
      grid-template-columns: minmax(0, 1fr);
      min-height: 0;
    }

    [part~='body'].with-threads {
      grid-template-rows: minmax(0, 1fr) minmax(0, 1fr) auto;
    }

    [part~='threads'] {
      min-height: 0;
      overflow: auto;
      border-bottom: 1px solid var(--_border-color);
    }

    @container (min-width: 720px) {
      [part~='body'].with-threads {
        grid-template-columns: minmax(0, 1fr) minmax(260px, 38%);
        grid-template-rows: minmax(0, 1fr) auto;
      }
      [part~='body'].with-threads [part~='threads'] {
        grid-column: 2;
        grid-row: 1 / span 2;
        border-bottom: none;
        border-left: 1px solid var(--_border-color);
      }
    }

    [part~='composer'] {
      margin: 0 12px 12px;
    }

    /* A short viewport (a zoomed page): the header scrolls away; the transcript and composer
       keep the pane's height. */
    @media (max-height: 500px) {
      :host {
        overflow-y: auto;
      }
      [part~='body'] {
        flex: none;
        height: max(160px, 100%);
      }
    }

    [part~='empty'] {
      display: grid;
      flex: 1 1 auto;
      place-items: center;
      padding: 24px;
      color: var(--_muted-color);
    }

    @media (forced-colors: active) {
      [part~='stage-badge']::before {
        background: CanvasText;
      }
      [part~='badge'] {
        border: 1px solid CanvasText;
      }
    }
  `,
  transcriptStyles,
  stageStepperStyles,
  stageColorRules,
  statusColorRules,
  touchTargetStyles,
];

import { css } from 'lit';
import { chatToken, elementTokens } from '../styles/tokens.js';
import { transcriptStyles } from '../internal/chat-transcript.styles.js';
import { unreadBadgeStyles } from '../internal/theme.js';
import { touchTargetStyles } from '../styles/touch-targets.js';

const tokens = elementTokens('operator-thread-list', {
  background: ['background', 'color-surface'],
  'hover-background': ['hover-background', 'color-surface-hover'],
  'open-background': ['open-background', 'color-surface-selected'],
  color: ['color', 'color-text'],
  'muted-color': ['muted-color', 'color-text-muted'],
  'border-color': ['border-color', 'color-border'],
  radius: ['radius', 'radius'],
  'unread-background': ['unread-background', 'color-accent'],
  'unread-color': ['unread-color', 'color-on-accent'],
  'focus-ring-color': ['focus-ring-color', 'color-focus-ring'],
  'error-color': ['error-color', 'color-danger'],
  'transcript-height': ['transcript-height', { css: '280px' }],
});

export const operatorThreadListStyles = [
  css`
  ${tokens}

    :host {

      display: block;
      min-width: 0;
      color: var(--_color);
      background: var(--_background);
      font-family: ${chatToken('font-family')};
      font-size: ${chatToken('font-size')};
      line-height: 1.35;
    }

    :host([hidden]) {
      display: none;
    }

    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }

    [part~='base'] {
      display: grid;
      gap: 8px;
      padding: 10px 12px;
    }

    [part~='list'] {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    [part~='thread'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 2px 8px;
      width: 100%;
      padding: 8px 10px;
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
      background: var(--_background);
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }

    [part~='thread']:hover {
      background: var(--_hover-background);
    }

    [part~='thread'][aria-expanded='true'] {
      background: var(--_open-background);
      border-bottom-left-radius: 0;
      border-bottom-right-radius: 0;
    }

    [part~='thread']:focus-visible,
    [part~='close-button']:focus-visible {
      outline: 2px solid var(--_focus-ring-color);
      outline-offset: 2px;
    }

    .line {
      display: flex;
      align-items: center;
      gap: 6px;
      min-width: 0;
    }

    [part~='operator-name'] {
      min-width: 0;
      overflow: hidden;
      font-weight: 600;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    [part~='thread-status'] {
      padding: 0 5px;
      border: 1px solid var(--_border-color);
      border-radius: 4px;
      color: var(--_color);
      font-size: 0.8125em;
      white-space: nowrap;
    }

    [part~='time'] {
      color: var(--_muted-color);
      font-size: 0.8125em;
      white-space: nowrap;
    }

    /* Two lines, so a quote's price shows in a narrow pane ("Challenger 350 available both
       days. $58,400 …"); past that, an ellipsis. */
    [part~='preview'] {
      display: -webkit-box;
      grid-column: 1 / -1;
      min-width: 0;
      overflow: hidden;
      color: var(--_muted-color);
      overflow-wrap: anywhere;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      line-clamp: 2;
    }

    ${unreadBadgeStyles}

    [part~='thread-panel'] {
      display: grid;
      grid-template-rows: auto minmax(0, var(--_transcript-height)) auto;
      border: 1px solid var(--_border-color);
      border-top: none;
      border-radius: 0 0 var(--_radius) var(--_radius);
    }

    [part~='thread-panel-header'] {
      display: flex;
      justify-content: flex-end;
      padding: 6px 8px 0;
    }

    [part~='close-button'] {
      padding: 2px 10px;
      border: 1px solid var(--_border-color);
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_background);
      color: var(--_color);
      font: inherit;
      cursor: pointer;
    }

    [part~='composer'] {
      margin: 0 8px 8px;
    }

    .note {
      margin: 0;
      color: var(--_muted-color);
    }

    .error {
      margin: 0;
      color: var(--_error-color);
    }

    @media (forced-colors: active) {
      [part~='thread'][aria-expanded='true'] {
        border-color: Highlight;
      }
      [part~='unread-badge'] {
        border: 1px solid CanvasText;
      }
    }
  `,
  transcriptStyles,
  touchTargetStyles,
];

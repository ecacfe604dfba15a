import { css } from 'lit';
import { touchTargetStyles } from '../styles/touch-targets.js';
import { chatToken, elementTokens } from '../styles/tokens.js';

const tokens = elementTokens('chat-message', {
  background: ['background', 'color-surface-hover'],
  'own-background': ['own-background', 'color-surface-selected'],
  color: ['color', 'color-text'],
  'muted-color': ['muted-color', 'color-text-muted'],
  'border-color': ['border-color', 'color-border'],
  radius: ['radius', 'radius'],
  'failed-color': ['failed-color', 'color-danger'],
  'focus-ring-color': ['focus-ring-color', 'color-focus-ring'],
  'max-width': ['max-width', { css: '80%' }],
});

export const chatMessageStyles = css`
  ${tokens}

  :host {

    display: flex;
    flex-direction: column;
    align-items: flex-start;
    min-width: 0;
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
    /* Whole pixels, so a bubble's height is a whole number of pixels: a transcript can then put
       earlier messages above the reader's place and keep it exactly (scroll offsets are whole
       pixels too). Children inherit the computed length. */
    line-height: round(1.4em, 1px);
  }

  :host([hidden]) {
    display: none;
  }

  [part~='base'] {
    box-sizing: border-box;
    max-width: var(--_max-width);
    min-width: 0;
    padding: 6px 10px;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: var(--_background);
  }

  /* The broker's own messages sit on the trailing side. */
  [data-role='broker'][part~='base'] {
    align-self: flex-end;
    background: var(--_own-background);
  }

  [data-role='system'][part~='base'] {
    max-width: 100%;
    align-self: center;
    border-color: var(--_border-color);
    background: transparent;
    color: var(--_muted-color);
    text-align: center;
  }

  [data-delivery='pending'] [part~='content'] {
    opacity: 0.75;
  }

  [data-delivery='failed'][part~='base'] {
    border-color: var(--_failed-color);
  }

  [part~='header'] {
    display: flex;
    align-items: baseline;
    gap: 8px;
    margin-bottom: 2px;
    color: var(--_muted-color);
    font-size: 0.8125em;
  }

  [part~='author'] {
    font-weight: 600;
    color: var(--_color);
    overflow-wrap: anywhere;
  }

  [part~='content'] {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  [data-content-type='quote'] [part~='content'] {
    padding-left: 8px;
    border-left: 3px solid var(--_border-color);
    font-style: italic;
  }

  [part~='delivery'] {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-top: 4px;
    color: var(--_muted-color);
    font-size: 0.8125em;
  }

  [data-delivery='failed'] [part~='delivery'] {
    color: var(--_failed-color);
    font-weight: 600;
  }

  [part~='retry-button'] {
    padding: 1px 8px;
    border: 1px solid currentColor;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  [part~='retry-button']:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 2px;
  }

  /* An event line of the deal's history: a quiet centred note between the messages. */
  [part~='event'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0 8px;
    align-self: stretch;
    margin: 0;
    color: var(--_muted-color);
    font-size: 0.9em;
    text-align: center;
    overflow-wrap: anywhere;
  }

  [part~='event'] [part~='content'] {
    font-weight: 600;
  }

  @media (forced-colors: active) {
    [part~='base'] {
      border-color: CanvasText;
    }
  }

  ${touchTargetStyles}
`;

import { css } from 'lit';
import { chatToken, elementTokens } from '../styles/tokens.js';
import { touchTargetStyles } from '../styles/touch-targets.js';

const tokens = elementTokens('chat-composer', {
  background: ['background', 'color-surface'],
  color: ['color', 'color-text'],
  'muted-color': ['muted-color', 'color-text-muted'],
  'border-color': ['border-color', 'color-border'],
  radius: ['radius', 'radius'],
  accent: ['send-background', 'color-accent'],
  'on-accent': ['send-color', 'color-on-accent'],
  'focus-ring-color': ['focus-ring-color', 'color-focus-ring'],
  'error-color': ['error-color', 'color-danger'],
  'max-height': ['max-height', { css: '10lh' }],
});

export const chatComposerStyles = css`
  ${tokens}

  :host {

    display: block;
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
    line-height: 1.4;
  }

  :host([hidden]) {
    display: none;
  }

  [part~='base'] {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    padding: 6px;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  [part~='base']:focus-within {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: -1px;
  }

  [part~='input'] {
    flex: 1 1 auto;
    min-width: 0;
    min-height: 1lh;
    max-height: var(--_max-height);
    margin: 0;
    padding: 4px;
    border: none;
    background: transparent;
    color: inherit;
    font: inherit;
    line-height: inherit;
    resize: none;
    field-sizing: content;
    overflow-wrap: anywhere;
  }

  [part~='input']:focus {
    outline: none;
  }

  [part~='input']::placeholder {
    color: var(--_muted-color);
    opacity: 1;
  }

  [part~='send-button'] {
    flex: none;
    padding: 4px 12px;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  [part~='send-button']:disabled {
    border-color: var(--_border-color);
    background: transparent;
    color: var(--_muted-color);
    cursor: default;
  }

  [part~='send-button']:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 2px;
  }

  [part~='error'] {
    margin-top: 4px;
    color: var(--_error-color);
    font-size: 0.8125em;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* A touch screen: the field is a 44 px target too, its one line level with Send's label. */
  @media (pointer: coarse) {
    [part~='input'] {
      box-sizing: border-box;
      min-height: 44px;
      padding-block: calc((44px - 1lh) / 2);
    }
  }

  ${touchTargetStyles}

  @media (forced-colors: active) {
    [part~='send-button'] {
      border-color: ButtonText;
    }
  }
`;

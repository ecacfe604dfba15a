import { css } from 'lit';
import { chatToken, elementTokens } from '../styles/tokens.js';
import { touchTargetStyles } from '../styles/touch-targets.js';

const tokens = elementTokens('chat-request-editor', {
  background: ['background', 'color-surface'],
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

/** Labels, fields, hints and errors: shared by the editor and its airport pickers. */
export const requestEditorFieldStyles = css`
  ${tokens}

  :host {
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
  }

  [part~='label'] {
    display: block;
    margin-bottom: 2px;
    font-weight: 600;
    font-size: 0.875em;
  }

  [part~='input'],
  [part~='select'] {
    box-sizing: border-box;
    width: 100%;
    min-width: 0;
    min-height: 28px;
    padding: 3px 6px;
    border: 1px solid var(--_border-color);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_background);
    color: var(--_color);
    font: inherit;
  }

  [part~='input']:focus-visible,
  [part~='select']:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 1px;
  }

  [part~='input'][aria-invalid='true'] {
    border-color: var(--_error-color);
  }

  [part~='hint'] {
    display: block;
    color: var(--_muted-color);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
  }

  [part~='error'] {
    display: block;
    color: var(--_error-color);
    font-size: 0.8125em;
    overflow-wrap: anywhere;
  }

  [part~='error']:empty {
    display: none;
  }

  [hidden] {
    display: none !important;
  }

  ${touchTargetStyles}
`;

export const chatRequestEditorStyles = [
  requestEditorFieldStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }

    form {
      display: grid;
      gap: 8px;
      min-width: 0;
    }

    [part~='heading'] {
      margin: 0;
      font-size: 1em;
      font-weight: 600;
    }

    fieldset {
      display: grid;
      gap: 6px;
      min-width: 0;
      margin: 0;
      padding: 6px 8px 8px;
      border: 1px solid var(--_border-color);
      border-radius: var(--_radius);
    }

    legend {
      padding: 0 4px;
      font-weight: 600;
      font-size: 0.875em;
    }

    /* Two columns where there is room (from / to, date / time), one in a narrow column. */
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr));
      gap: 6px;
    }

    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }

    button {
      padding: 3px 10px;
      border: 1px solid var(--_border-color);
      border-radius: calc(var(--_radius) - 2px);
      background: var(--_background);
      color: var(--_color);
      font: inherit;
      cursor: pointer;
    }

    button:hover {
      background: var(--_hover-background);
    }

    button[part~='save-button'] {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
    }

    button[aria-disabled='true'] {
      cursor: progress;
    }

    [part~='conflict'],
    [part~='discard'],
    [part~='problem'] {
      padding: 6px 8px;
      border: 1px solid var(--_error-color);
      border-radius: var(--_radius);
    }

    [part~='discard'] p {
      margin: 0 0 6px;
      font-weight: 600;
    }

    [part~='conflict'] ul {
      margin: 4px 0;
      padding-left: 1.2em;
      overflow-wrap: anywhere;
    }
  `,
];

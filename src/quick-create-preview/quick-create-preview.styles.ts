import { css } from 'lit';
import { chatToken, elementTokens } from '../styles/tokens.js';

const tokens = elementTokens('chat-quick-create-preview', {
  background: ['background', 'color-surface'],
  color: ['color', 'color-text'],
  'muted-color': ['muted-color', 'color-text-muted'],
  'border-color': ['border-color', 'color-border'],
  radius: ['radius', 'radius'],
  accent: ['accent', 'color-accent'],
  'on-accent': ['on-accent', 'color-on-accent'],
  'focus-ring-color': ['focus-ring-color', 'color-focus-ring'],
  'warning-color': ['warning-color', 'color-danger'],
});

export const quickCreatePreviewStyles = css`
  ${tokens}

  :host {
    display: block;
    min-width: 0;
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: 0.8125rem;
  }

  /* At most about half the screen: the list stays in sight, and the preview scrolls to the
     choice that takes focus. */
  [part~='base'] {
    position: relative;
    box-sizing: border-box;
    max-height: 50vh;
    overflow-y: auto;
    padding: 8px;
    border: 1px solid var(--_border-color);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  p {
    margin: 0;
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 2px 8px;
    margin-bottom: 6px;
    padding-right: 28px;
  }

  /* Closes the preview as Escape does: for touch, where there is no Escape key. Last in the
     focus order (after the choices, as the keys' hint), drawn in the top corner. */
  .close {
    position: absolute;
    top: 2px;
    right: 2px;
    display: grid;
    place-items: center;
    width: 28px;
    height: 28px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted-color);
    font: inherit;
    font-size: 1.25em;
    line-height: 1;
    cursor: pointer;
  }

  .close:hover {
    background: color-mix(in srgb, var(--_color) 8%, transparent);
    color: var(--_color);
  }

  .close:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 1px;
  }

  @media (pointer: coarse) {
    .head {
      padding-right: 40px;
    }

    .close {
      top: 0;
      right: 0;
      width: 44px;
      height: 44px;
    }
  }

  [part~='kind'] {
    font-weight: 600;
  }

  [part~='summary'] {
    color: var(--_muted-color);
  }

  [part~='summary'].warn {
    color: var(--_warning-color);
    font-weight: 600;
  }

  .row,
  [part~='leg'] {
    display: grid;
    grid-template-columns: 5.75em minmax(0, 1fr);
    align-items: center;
    gap: 4px 8px;
  }

  .row {
    margin-bottom: 6px;
  }

  .legs {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='leg'] {
    padding-top: 6px;
    border-top: 1px solid var(--_border-color);
  }

  .leg-title {
    grid-column: 1 / -1;
    color: var(--_muted-color);
    font-weight: 600;
  }

  .name {
    color: var(--_muted-color);
  }

  .label {
    color: var(--_muted-color);
  }

  .value {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .code {
    font-weight: 600;
  }

  .date-value {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px 6px;
    min-width: 0;
  }

  input,
  select {
    box-sizing: border-box;
    min-width: 0;
    max-width: 100%;
    min-height: 28px;
    padding: 2px 6px;
    border: 1px solid var(--_border-color);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_background);
    color: var(--_color);
    font: inherit;
  }

  input[type='number'] {
    width: 5em;
  }

  input[aria-invalid='true'] {
    border-color: var(--_warning-color);
    box-shadow: inset 0 0 0 1px var(--_warning-color);
  }

  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 1px;
  }

  fieldset {
    grid-column: 1 / -1;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    float: left;
    width: 100%;
    margin-bottom: 4px;
    padding: 0;
  }

  .problem {
    color: var(--_warning-color);
    font-weight: 600;
  }

  .marker {
    margin-inline-end: 4px;
  }

  [part~='choices'] {
    display: flex;
    clear: both;
    flex-wrap: wrap;
    gap: 4px;
  }

  [part~='choice'] {
    position: relative;
    display: inline-flex;
    align-items: baseline;
    gap: 4px;
    max-width: 100%;
    padding: 3px 8px;
    border: 1px solid var(--_border-color);
    border-radius: 999px;
    cursor: pointer;
  }

  [part~='choice'] .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='choice'] input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    min-height: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  [part~='choice']:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  [part~='choice']:has(input:checked) .name {
    color: inherit;
  }

  [part~='choice']:has(input:focus-visible) {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 1px;
  }

  [part~='issues'] {
    margin: 6px 0 0;
    padding-inline-start: 1.2em;
    color: var(--_warning-color);
  }

  [part~='ask'] {
    margin: 6px 0 0;
  }

  [part~='keys'] {
    margin-top: 6px;
    color: var(--_muted-color);
    font-size: 0.75rem;
  }

  @media (forced-colors: active) {
    [part~='choice']:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;

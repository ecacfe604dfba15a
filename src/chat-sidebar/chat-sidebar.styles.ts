import { css } from 'lit';
import { chatToken, elementTokens } from '../styles/tokens.js';

const tokens = elementTokens('chat-sidebar', {
  background: ['background', 'color-surface'],
  color: ['color', 'color-text'],
  muted: ['muted-color', 'color-text-muted'],
  border: ['border-color', 'color-border'],
  accent: ['accent', 'color-accent'],
  'on-accent': ['on-accent', 'color-on-accent'],
  radius: ['radius', 'radius'],
  gap: ['gap', { css: '6px' }],
  padding: ['padding', { css: '12px' }],
  hover: [null, 'color-surface-hover'],
  danger: [null, 'color-danger'],
});

export const chatSidebarStyles = css`
  ${tokens}

  :host {
    --_focus-ring: var(--chat-color-focus-ring, var(--_accent));

    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    /* Size containment (for the container queries) gives no width from content: fill the
       column the host gives, unless it sets a width itself. */
    width: 100%;
    min-width: 0;
    min-height: 0;
    height: 100%;
    container-type: inline-size;
    background: var(--_background);
    color: var(--_color);
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

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .base {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }

  .header {
    display: grid;
    gap: 8px;
    padding: var(--_padding) var(--_padding) 0;
  }

  .title-row {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }

  .heading {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    font-size: 1.0625rem;
    font-weight: 650;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .unread-total {
    flex: none;
    padding: 0 8px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.6;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* Buttons and fields */

  .button {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: inherit;
    font: inherit;
    font-weight: 550;
    cursor: pointer;
    white-space: nowrap;
  }

  .button:hover {
    background: var(--_hover);
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .button.small {
    min-height: 28px;
    padding: 0 8px;
    font-size: 0.8125rem;
  }

  .button.icon {
    min-width: 28px;
    padding: 0;
  }

  .button.danger {
    color: var(--_danger);
  }

  .button.danger-solid {
    border-color: var(--_danger);
    background: var(--_danger);
    color: #ffffff;
  }

  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }

  .button.toggle[aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_background));
    color: var(--_color);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .plus {
    font-size: 1.1em;
    line-height: 1;
  }

  .field {
    flex: 1 1 auto;
    width: 100%;
    min-width: 0;
    min-height: 32px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: inherit;
    font: inherit;
  }

  .field::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  .field[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  :is(.button, .field, .tab, .menu-item, .row-actions):focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 1px;
  }

  .quick-create {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    min-width: 0;
  }

  .quick-create .field {
    flex-basis: 0;
  }

  .field-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
    font-size: 0.8125rem;
  }

  .search-row {
    display: flex;
    gap: 6px;
    min-width: 0;
  }

  /* Tabs */

  .tabs {
    display: flex;
    gap: 2px;
    min-width: 0;
    border-bottom: 1px solid var(--_border);
  }

  .tab {
    display: inline-flex;
    flex: 1 1 auto;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 0;
    min-height: 34px;
    padding: 0 6px;
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-weight: 550;
    cursor: pointer;
  }

  .tab > span:first-child {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .tab[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_color);
  }

  .tab-count {
    flex: none;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_hover);
    color: var(--_color);
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
  }

  /* The panel and its states */

  .panel {
    position: relative;
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }

  /* Below the list, so the list never shifts when a selection starts. */
  .bulk-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px;
    margin: 6px var(--_padding) 8px;
    padding: 6px 8px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_accent) 10%, var(--_background));
  }

  .bulk-count {
    font-weight: 600;
  }

  .bulk-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }

  .list {
    flex: 1 1 0;
    min-height: 0;
    outline: none;
  }

  /* Rows are placed by the virtualizer across the list's full width; they carry the padding. */
  .group-heading {
    width: 100%;
    padding: 12px calc(var(--_padding) + 2px) 4px;
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 650;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  .row {
    display: flex;
    align-items: stretch;
    gap: 2px;
    width: 100%;
    padding: calc(var(--_gap) / 2) calc(var(--_padding) - 4px) calc(var(--_gap) / 2) var(--_padding);
  }

  .row > .card {
    flex: 1 1 auto;
    min-width: 0;
  }

  .card.checked::part(base) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }

  .card.checked::after {
    content: '✓';
    position: absolute;
    right: 6px;
    bottom: 6px;
    display: grid;
    place-items: center;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 11px;
    font-weight: 700;
  }

  .row-actions {
    flex: none;
    width: 24px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_muted);
    font: inherit;
    font-size: 1.1rem;
    line-height: 1;
    cursor: pointer;
  }

  .row-actions:hover {
    background: var(--_hover);
    color: var(--_color);
  }

  .more {
    width: 100%;
    padding: calc(var(--_gap) / 2) var(--_padding);
  }

  .skeletons {
    display: grid;
    gap: var(--_gap);
    padding: 8px var(--_padding);
    overflow: hidden;
  }

  .skeleton {
    display: grid;
    gap: 8px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .skeleton span {
    display: block;
    height: 10px;
    border-radius: 4px;
    background: var(--_hover);
    animation: pulse 1.4s ease-in-out infinite;
  }

  .skeleton span:nth-child(1) {
    width: 70%;
  }
  .skeleton span:nth-child(2) {
    width: 90%;
  }
  .skeleton span:nth-child(3) {
    width: 40%;
  }

  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton span {
      animation: none;
    }
  }

  .empty,
  .error {
    display: grid;
    gap: 8px;
    justify-items: start;
    margin: 16px var(--_padding);
    color: var(--_muted);
  }

  .error {
    color: var(--_color);
  }

  .error p {
    margin: 0;
  }

  .error-title {
    font-weight: 600;
  }

  .error-detail {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .error.inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    margin: 8px var(--_padding);
  }

  /* Toasts */

  .toasts {
    display: grid;
    gap: 6px;
    padding: 0 var(--_padding);
  }

  .toast-region:empty {
    display: none;
  }

  .toast-region {
    padding-bottom: 8px;
  }

  .toast {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    padding: 8px 8px 8px 12px;
    border-radius: var(--_radius);
    background: var(--_color);
    color: var(--_background);
  }

  .toast .button {
    border-color: transparent;
    background: transparent;
    color: inherit;
  }

  .toast .button:hover {
    background: color-mix(in srgb, var(--_background) 18%, transparent);
  }

  .toast.error {
    background: var(--_danger);
    color: #ffffff;
  }

  .toast-message {
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  /* Menus and dialogs */

  .menu {
    position: fixed;
    inset: auto;
    margin: 0;
    display: grid;
    min-width: 180px;
    max-width: calc(100vw - 16px);
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_color);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
  }

  .menu-item {
    display: block;
    width: 100%;
    padding: 7px 10px;
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .menu-item:hover,
  .menu-item:focus {
    background: var(--_hover);
  }

  .menu-item.danger {
    color: var(--_danger);
  }

  .dialog {
    width: min(360px, calc(100vw - 24px));
    padding: 16px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
    background: var(--_background);
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }

  .dialog-form {
    display: grid;
    gap: 10px;
  }

  .dialog-title {
    margin: 0;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }

  .dialog-body {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .field-label {
    font-weight: 550;
  }

  .outcomes {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .outcome {
    display: flex;
    align-items: center;
    gap: 8px;
  }

  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 8px;
  }

  /* Narrow columns (down to 280 px): one control per line, tighter padding. */
  @container (max-width: 340px) {
    .header {
      gap: 6px;
      padding: 8px 8px 0;
    }
    .group-heading {
      padding-inline: 10px;
    }
    .row {
      padding-inline: 8px 4px;
    }
    .more {
      padding-inline: 8px;
    }
    .search-row {
      flex-wrap: wrap;
    }
    .search-row .toggle {
      flex: 1 1 100%;
    }
    /* Count under the name, so "Completed" and its count both fit a third of 280 px. */
    .tab {
      flex: 1 1 0;
      flex-direction: column;
      gap: 2px;
      padding: 4px 2px;
    }
    .bulk-bar,
    .empty,
    .error {
      margin-inline: 8px;
    }
    .toasts {
      padding: 0 8px;
    }
  }

  @media (forced-colors: active) {
    .tab[aria-selected='true'] {
      border-bottom-color: Highlight;
    }
    .card.checked::after {
      border: 1px solid CanvasText;
    }
  }
`;

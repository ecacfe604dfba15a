import { css } from 'lit';
import { chatToken } from '../styles/tokens.js';

/** Menus and the modal dialog: a popover menu (`[part~='menu']`, `[part~='menu-item']`) and a `<dialog>` with its form. */
export const menuStyles = css`
  /* Menus and dialogs */

  [part~='menu'] {
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

  [part~='menu-item'] {
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

  [part~='menu-item']:hover,
  [part~='menu-item']:focus {
    background: var(--_hover);
  }

  [part~='menu-item'].danger {
    color: var(--_danger);
  }

  [part~='dialog'] {
    width: min(360px, calc(100vw - 24px));
    padding: 16px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
    background: var(--_background);
    color: var(--_color);
    font-family: ${chatToken('font-family')};
    font-size: ${chatToken('font-size')};
  }

  [part~='dialog']::backdrop {
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

  /* A touch screen: 44 px menu items, and each outcome's whole line (its label) is the radio's
     target. Only these: the sidebar's own buttons and fields are its eager styles' concern. */
  @media (pointer: coarse) {
    [part~='menu-item'] {
      min-height: 44px;
    }
    .outcome {
      min-height: 44px;
    }
  }

`;

import { css } from 'lit';

/** The toast regions and toasts of `renderToastRegion`. */
export const toastStyles = css`
  /* Toasts */

  [part~='toasts'] {
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

  [part~='toast'] {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    padding: 8px 8px 8px 12px;
    border-radius: var(--_radius);
    background: var(--_color);
    color: var(--_background);
  }

  [part~='toast'] .button {
    border-color: transparent;
    background: transparent;
    color: inherit;
  }

  [part~='toast'] .button:hover {
    background: color-mix(in srgb, var(--_background) 18%, transparent);
  }

  [part~='toast'].error {
    background: var(--_danger);
    color: var(--_background, #ffffff);
  }

  [part~='toast-message'] {
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }

`;

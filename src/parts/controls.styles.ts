import { css } from 'lit';

/** Buttons (`.button`, `.primary`, `.small`, `.icon`, `.danger`, `.toggle`) and fields (`.field`) of the sidebar and its parts, drawn from the element's `--_*` properties. */
export const controlStyles = css`
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
    color: var(--_background, #ffffff);
  }

  /* A finger's target where the pointer is coarse (a phone, a tablet): 44 px; a mouse keeps the
     compact sizes. */
  @media (pointer: coarse) {
    .button,
    .button.small,
    .field {
      min-height: 44px;
    }

    .button.icon {
      min-width: 44px;
    }
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
`;

import { css } from 'lit';

/**
 * Touch targets of the lazy elements (the session view, composer, message, operator threads,
 * request editor, workspace bar, trash view and the menus): on a touch screen
 * (`pointer: coarse`) every button, field, menu item and option is at least 44 × 44 px
 * (WCAG 2.5.5); a mouse keeps the compact desktop sizes. A floor, not a look, so `!important`:
 * no element's compact rule (`.button.small`, a narrow layout's 28 px bar button) may shrink a
 * target below it. Small visuals (checkboxes) get their hit area from their element's label.
 */
export const touchTargetStyles = css`
  @media (pointer: coarse) {
    :is(
      button,
      select,
      input:not([type='checkbox'], [type='radio'], [type='hidden']),
      [role='menuitem'],
      [role='option'],
      [role='tab']
    ) {
      min-width: 44px !important;
      min-height: 44px !important;
    }
  }
`;

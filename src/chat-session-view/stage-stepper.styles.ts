import { css } from 'lit';

/**
 * The pipeline of `<chat-session-view>` (see stage-stepper.ts), inside the view's styles (its
 * `--_*` properties and the stages' colours come from there). The view is a size container:
 * where ten names fit (880 px and up) they show under the segments; narrower, the compact
 * picker (a menu button; the menu's look is the view's `menu` part) takes their place.
 */
export const stageStepperStyles = css`
  [part~='pipeline'] {
    display: grid;
    gap: 6px;
    min-width: 0;
  }

  /* Ten segments, done ones filled in their stage's colour, the current one taller; each at
     least a 24 px target. */
  [part~='stage-stepper'] {
    display: flex;
    gap: 2px;
    min-width: 0;
  }

  [part~='stage-step'] {
    display: flex;
    flex: 1 1 0;
    flex-direction: column;
    justify-content: center;
    gap: 4px;
    min-width: 0;
    min-height: 24px;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_muted-color);
    font: inherit;
    cursor: pointer;
  }

  [part~='stage-step']::before {
    content: '';
    display: block;
    flex: none;
    align-self: stretch;
    height: 6px;
    margin: 3px 0;
    border: 1px solid var(--_stage-color, var(--_border-color));
    border-radius: 3px;
  }

  [part~='stage-step'].done::before {
    background: var(--_stage-color);
  }

  [part~='stage-step'].current::before {
    height: 12px;
    margin: 0;
    background: var(--_stage-color);
  }

  [part~='stage-step-label'] {
    display: none;
    font-size: 0.75em;
    line-height: 1.2;
    text-align: center;
    overflow-wrap: break-word;
    hyphens: auto;
  }

  [part~='stage-step'].done [part~='stage-step-label'] {
    color: var(--_color);
  }

  [part~='stage-step'].current [part~='stage-step-label'] {
    color: var(--_color);
    font-weight: 600;
  }

  [part~='stage-step']:hover [part~='stage-step-label'] {
    text-decoration: underline;
  }

  [part~='stage-row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    min-width: 0;
  }

  [part~='stage-picker'] {
    gap: 0.35em;
  }

  [part~='stage-picker-label'] {
    color: var(--_muted-color);
  }

  [part~='stage-picker-value'] {
    font-weight: 600;
  }

  /* The view's menu look, as wide as the longest stage's name (one line each). */
  [part~='stage-menu'] {
    width: max-content;
  }

  [part~='stage-menu-item'][aria-current='true'] {
    font-weight: 600;
  }

  [part~='stage-menu-item']::before {
    content: '';
    display: inline-block;
    width: 8px;
    height: 8px;
    margin-inline-end: 8px;
    border: 1px solid var(--_stage-color, var(--_border-color));
    border-radius: 50%;
  }

  [part~='stage-menu-item'][aria-current='true']::before {
    background: var(--_stage-color);
  }

  [part~='stage-picker'],
  [part~='stage-next-button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 3px 10px;
    border: 1px solid var(--_border-color);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_background);
    color: var(--_color);
    font: inherit;
    cursor: pointer;
  }

  [part~='stage-picker']:hover,
  [part~='stage-next-button']:hover {
    background: var(--_hover-background);
  }

  [part~='stage-step']:focus-visible,
  [part~='stage-picker']:focus-visible,
  [part~='stage-next-button']:focus-visible {
    outline: 2px solid var(--_focus-ring-color);
    outline-offset: 2px;
  }

  /* A touch screen: each segment a 44 px target (touchTargetStyles); where ten of them do not
     fit in one row (a phone), two rows of five whose bars meet in the middle, so they still
     read as one pipeline. The stage menu scrolls rather than running off the screen. */
  @media (pointer: coarse) {
    @container (max-width: 499px) {
      [part~='stage-stepper'] {
        flex-wrap: wrap;
        gap: 0 2px;
      }
      [part~='stage-step'] {
        flex-basis: calc(20% - 2px);
      }
      [part~='stage-step']:nth-child(-n + 5) {
        justify-content: flex-end;
      }
      [part~='stage-step']:nth-child(n + 6) {
        justify-content: flex-start;
      }
    }
    [part~='stage-menu'] {
      max-height: 50dvh;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    [part~='stage-picker'],
    [part~='stage-next-button'] {
      justify-content: center;
    }
    [part~='stage-menu-item'] {
      display: flex;
      align-items: center;
    }
  }

  /* Room for ten names: each segment names its stage, and the picker is not needed. */
  @container (min-width: 880px) {
    [part~='stage-step'] {
      justify-content: flex-start;
    }
    [part~='stage-step-label'] {
      display: block;
    }
    [part~='stage-row'] > .menu-anchor {
      display: none;
    }
  }

  @media (forced-colors: active) {
    [part~='stage-step'].done::before,
    [part~='stage-step'].current::before,
    [part~='stage-menu-item'][aria-current='true']::before {
      background: CanvasText;
    }
  }
`;

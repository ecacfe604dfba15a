import { css } from 'lit';
import { cardCustomProperties, cardStyles } from '../internal/theme.js';

export const flightRequestCardStyles = [
  cardCustomProperties('flight-request-card'),
  cardStyles,
  css`
    [part~='details'] {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      min-width: 0;
    }

    [part~='stage-badge'] {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 0 6px;
      border: 1px solid var(--_stage-color);
      border-radius: 999px;
      color: var(--_color);
      white-space: nowrap;
    }

    [part~='stage-badge']::before {
      content: '';
      flex: none;
      width: 6px;
      height: 6px;
      border-radius: 50%;
      background: var(--_stage-color);
    }

    [part~='threads'] {
      white-space: nowrap;
    }

    @media (forced-colors: active) {
      [part~='stage-badge']::before {
        background: CanvasText;
      }
    }
  `,
];

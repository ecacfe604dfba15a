import { css } from 'lit';
import { cardCustomProperties, cardStyles } from '../internal/theme.js';

export const generalChatCardStyles = [
  cardCustomProperties('general-chat-card'),
  cardStyles,
  css`
    [part~='body'] {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      min-width: 0;
    }

    [part~='preview'].empty {
      font-style: italic;
    }

    [part~='count'] {
      white-space: nowrap;
    }
  `,
];

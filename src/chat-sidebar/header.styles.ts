import { css } from 'lit';

/** The header's quick create form and search row. */
export const headerStyles = css`
  /* Wrapped under the heading (a narrow column), at the end of its line. */
  [part~='new-button'] {
    margin-inline-start: auto;
  }

  [part~='quick-create'] {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    min-width: 0;
  }

  [part~='quick-create'] .field {
    flex-basis: 0;
  }

  [part~='quick-create-preview'] {
    flex-basis: 100%;
    min-width: 0;
  }

  [part~='quick-create-error'] {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
    font-size: 0.8125rem;
  }

  [part~='search-row'] {
    display: flex;
    gap: 6px;
    min-width: 0;
  }
`;

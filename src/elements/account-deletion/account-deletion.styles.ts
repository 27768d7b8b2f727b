import { css } from 'lit';

export const accountDeletionStyles = css`
  p {
    margin: 0 0 var(--_loyalty-space-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_loyalty-space-s);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
`;

import { css } from 'lit';

export const accountDeletionStyles = css`
  p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
`;

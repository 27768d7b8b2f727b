import { css } from 'lit';

export const signInStyles = css`
  .signed-in {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_loyalty-space);
    align-items: center;
    justify-content: space-between;
  }
  .signed-in p {
    margin: 0;
  }
`;

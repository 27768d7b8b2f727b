import { css } from 'lit';

export const profileFormStyles = css`
  dl {
    display: grid;
    gap: var(--_loyalty-space-s);
    margin: 0;
  }
  dt {
    color: var(--_loyalty-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .saved {
    color: var(--_loyalty-muted);
  }
`;

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
  dl > * {
    min-width: 0;
  }
  dd {
    margin: 0;
  }
  .saved {
    color: var(--_loyalty-muted);
  }

  /* ── Print: the values stay (read-only rows, or the inputs with their values), Save goes
     (every button does); a field is not split across pages ── */
  @media print {
    [part~='row'],
    .field {
      break-inside: avoid;
    }
  }
`;

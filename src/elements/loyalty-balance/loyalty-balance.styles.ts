import { css } from 'lit';

export const balanceStyles = css`
  :host {
    --_amount-size: var(--loyalty-balance-amount-size, 1.5em);
    --_row-gap: var(--loyalty-balance-row-gap, calc(var(--_space) * 0.75));
  }
  dl {
    display: grid;
    gap: var(--_row-gap);
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: baseline;
    column-gap: var(--_space);
    min-height: calc(var(--_amount-size) * 1.5);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    text-align: end;
    font-size: var(--_amount-size);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  dd.expiring {
    grid-column: 1 / -1;
    text-align: start;
    font-size: 0.875em;
    font-weight: normal;
  }
  ul {
    margin: 0.25em 0 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
  }
  .bone.amount {
    height: calc(var(--_amount-size) * 0.8);
  }
`;

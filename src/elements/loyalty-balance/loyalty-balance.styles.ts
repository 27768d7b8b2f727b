import { css } from 'lit';

export const balanceStyles = css`
  :host {
    --_loyalty-amount-size: var(--loyalty-balance-amount-size, 1.5em);
    --_loyalty-row-gap: var(--loyalty-balance-row-gap, calc(var(--_loyalty-space) * 0.75));
  }
  dl {
    display: grid;
    gap: var(--_loyalty-row-gap);
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: baseline;
    column-gap: var(--_loyalty-space);
    min-height: calc(var(--_loyalty-amount-size) * 1.5);
  }
  dt {
    color: var(--_loyalty-muted);
  }
  dd {
    margin: 0;
    text-align: end;
    font-size: var(--_loyalty-amount-size);
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
    color: var(--_loyalty-muted);
  }
  .bone.amount {
    height: calc(var(--_loyalty-amount-size) * 0.8);
  }
`;

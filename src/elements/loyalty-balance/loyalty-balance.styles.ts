import { css } from 'lit';

export const balanceStyles = css`
  :host {
    --_loyalty-amount-size: var(--loyalty-balance-amount-size, 1.5em);
    --_loyalty-row-gap: var(--loyalty-balance-row-gap, calc(var(--_loyalty-space) * 0.75));
    --_loyalty-min-width: 12em;
  }
  dl {
    display: grid;
    gap: var(--_loyalty-row-gap);
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
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
    /* a figure has no break opportunity (Intl groups with commas or no-break spaces): it stays on
       one line, and breaks only where it is wider than the whole element (no digit is hidden) */
    overflow-wrap: break-word;
  }
  dd.expiring {
    grid-column: 1 / -1;
    text-align: start;
    font-size: 0.875em;
    font-weight: normal;
    white-space: normal;
  }
  time {
    white-space: nowrap;
  }
  ul {
    margin: 0.25em 0 0;
    padding: 0;
    list-style: none;
    color: var(--_loyalty-muted);
  }
  /* narrow (a sidebar, a dropdown): the amount under its label, both at the start */
  @container (width < 18em) {
    .row {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      text-align: start;
    }
  }
  .bone.amount {
    height: calc(var(--_loyalty-amount-size) * 0.8);
  }

  /* ── Print: a currency and its expiry lines stay on one page ── */
  @media print {
    .row {
      break-inside: avoid;
    }
  }
`;

/**
 * `variant="inline"`: one balance as text in the surrounding line (a navbar), "1,240 Points". No
 * frame, no minimum width, the colour of the surrounding text (the page's background is behind
 * it), everything on one line. Last in the element's styles, so it wins over the card's.
 */
export const inlineBalanceStyles = css`
  :host([variant='inline' i]) {
    display: inline-block;
    vertical-align: baseline;
    min-inline-size: 0;
    max-inline-size: 100%;
    color: var(--loyalty-color-text, inherit);
  }
  :host([variant='inline' i]) .base {
    /* a size container is as wide as its container says, never its content: here it must shrink to the text */
    container-type: normal;
    border: 0;
    border-radius: 0;
    padding: 0;
    background: none;
    color: inherit;
    white-space: nowrap;
  }
  :host([variant='inline' i]) [part~='skeleton'] {
    display: inline;
  }
  .inline [part~='amount'] {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  :host([variant='inline' i]) .state,
  :host([variant='inline' i]) .error {
    color: inherit;
  }
  .inline-bone {
    --_loyalty-bone-width: 6em;
  }
  button.inline-retry {
    color: inherit;
    background: transparent;
    border: 1px solid currentcolor;
    border-radius: calc(var(--_loyalty-radius) / 2);
    min-height: 1.5em;
    min-width: 1.5em;
    padding: 0 0.5em;
    margin-inline-start: 0.5em;
    line-height: calc(1.5em - 2px);
    vertical-align: baseline;
  }
`;

import { css } from 'lit';

/** On top of the shared form styles: the list of cards. */
export const cardWalletStyles = css`
  :host { --_loyalty-gap: var(--loyalty-card-wallet-gap, calc(var(--_loyalty-space) * 0.75)); }
  ul { display: grid; gap: var(--_loyalty-gap); margin: 0 0 var(--_loyalty-space); padding: 0; list-style: none; }
  li { display: grid; gap: 0.5em; padding-bottom: var(--_loyalty-gap); border-bottom: 1px solid var(--_loyalty-border); }
  [part~='summary'] { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25em var(--_loyalty-space); }
  [part~='number'] { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
  [part~='kind'], [part~='linked'] { color: var(--_loyalty-muted); }
  [part~='lost'] [part~='status'] { color: var(--_loyalty-danger); font-weight: 600; }
  .bone.button { height: 2.25em; }
  .state { margin-bottom: var(--_loyalty-space); }
  input { max-width: 20em; }
  .label, [part~='voucher-name'] { margin: 0 0 0.5em; font-weight: 600; }
  [part~='description'] { color: var(--_loyalty-muted); }

  /* ── Print: each card on one page; the "Link a card" form is a control, not content ── */
  @media print {
    li { break-inside: avoid; }
    [part~='form'] { display: none; }
  }
`;

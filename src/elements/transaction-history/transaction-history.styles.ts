import { css } from 'lit';

export const historyStyles = css`
  :host {
    --_loyalty-height: var(--loyalty-transaction-history-height, 24rem);
    --_loyalty-row: var(--loyalty-transaction-history-row-height, 4rem);
  }
  [part~='content'] {
    max-height: var(--_loyalty-height);
    overflow-y: auto;
    overflow-anchor: none;
    overscroll-behavior: contain;
    border-radius: calc(var(--_loyalty-radius) / 1.5);
  }
  [part~='content']:focus-visible {
    outline: 3px solid var(--_loyalty-accent);
    outline-offset: 2px;
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: 1fr auto;
    align-content: center;
    column-gap: var(--_loyalty-space);
    height: var(--_loyalty-row);
    overflow: hidden;
    border-bottom: 1px solid var(--_loyalty-border);
  }
  li > * {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  /* API text of either direction: each piece keeps its place in the row's direction (RTL mirrors) */
  [part~='date'],
  [part~='location'] {
    unicode-bidi: isolate;
  }
  [part~='total'] {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  [part~='details'] {
    grid-column: 1 / -1;
    color: var(--_loyalty-muted);
    font-size: 0.875em;
  }
  .more {
    margin-top: var(--_loyalty-space-s);
  }
`;

import { css } from 'lit';

export const historyStyles = css`
  :host {
    --_loyalty-height: var(--loyalty-transaction-history-height, 24em);
    --_loyalty-row: var(--loyalty-transaction-history-row-height, 4em);
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
    grid-template-columns: minmax(0, 1fr) auto;
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
  /* narrow (a sidebar, a dropdown): the store under the date, the total beside the date; three
     lines still fit the row's fixed height */
  @container (width < 20em) {
    li {
      line-height: 1.3;
    }
    [part~='summary'] {
      display: grid;
      align-self: start;
    }
    [part~='summary'] > * {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='summary'] .separator {
      display: none;
    }
    [part~='location'] {
      color: var(--_loyalty-muted);
      font-size: 0.875em;
    }
    [part~='total'] {
      align-self: start;
    }
  }
  .more {
    margin-top: var(--_loyalty-space-s);
  }

  /* ── Print: no scroll box, every loaded row (the element renders them all while printing), none
     split across pages ── */
  @media print {
    [part~='content'] {
      max-height: none;
      overflow: visible;
    }
    /* paper needs no fixed row height (nothing is virtualized while printing): long store names wrap */
    li {
      break-inside: avoid;
      height: auto;
      min-height: var(--_loyalty-row);
      padding-block: 0.25em;
    }
    [part~='summary'],
    [part~='details'] {
      white-space: normal;
      overflow: visible;
    }
  }
`;

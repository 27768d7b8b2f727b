import { css } from 'lit';

export const rewardStyles = css`
  :host {
    --_loyalty-bar-height: var(--loyalty-reward-progress-bar-height, 0.5em);
    --_loyalty-bar-color: var(--loyalty-reward-progress-bar-color, var(--_loyalty-accent));
  }
  ul {
    display: grid;
    gap: var(--_loyalty-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li,
  .tier {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25em var(--_loyalty-space);
    padding: var(--_loyalty-space-s);
    border: 1px solid var(--_loyalty-border);
    border-radius: calc(var(--_loyalty-radius) / 1.5);
  }
  li {
    cursor: pointer;
  }
  [part~='reward-available'] {
    border-color: var(--_loyalty-bar-color);
  }
  .tier {
    margin-bottom: var(--_loyalty-space-s);
  }
  p,
  .full {
    grid-column: 1 / -1;
    margin: 0;
  }
  li button {
    color: inherit;
    background: none;
    padding: 0;
    min-height: 0;
    font-weight: 600;
    text-align: start;
  }
  .muted,
  [part~='description'] {
    color: var(--_loyalty-muted);
    font-size: 0.875em;
  }
  [part~='cost'],
  [part~='progress-text'] {
    font-variant-numeric: tabular-nums;
  }
  /* figures and costs are never broken across lines (a currency name too long for any line is cut
     with an ellipsis); the reward's name wraps between words */
  [part~='cost'],
  [part~='progress-text'],
  [part~='available'] {
    white-space: nowrap;
    max-inline-size: 15em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  time {
    white-space: nowrap;
  }
  /* narrow (a sidebar, a dropdown): the cost under the name, each figure on its own line */
  @container (width < 18em) {
    li,
    .tier {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part~='progress'] {
    height: var(--_loyalty-bar-height);
    border-radius: var(--_loyalty-bar-height);
    background: var(--_loyalty-skeleton);
    overflow: hidden;
  }
  [part~='bar'] {
    height: 100%;
    background: var(--_loyalty-bar-color);
  }
  .more {
    margin-top: var(--_loyalty-space-s);
  }

  /* ── Windows High Contrast: the track outlined, the fill in the system's Highlight ── */
  @media (forced-colors: active) {
    [part~='progress'] {
      border: 1px solid CanvasText;
    }
    [part~='bar'] {
      forced-color-adjust: none;
      background: Highlight;
    }
    [part~='reward-available'] {
      border-color: Highlight;
    }
  }

  /* ── Print: bars keep their colours (and an outline without them), a reward stays on one page;
     the reward's name stays, though it is a button ── */
  @media print {
    li,
    .tier {
      break-inside: avoid;
    }
    li [part~='name'] {
      display: inline-block;
    }
    [part~='progress'],
    [part~='bar'] {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    [part~='progress'] {
      border: 1px solid var(--_loyalty-text);
    }
  }
`;

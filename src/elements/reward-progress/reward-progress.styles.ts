import { css } from 'lit';

export const rewardStyles = css`
  :host {
    --_loyalty-bar-height: var(--loyalty-reward-progress-bar-height, 0.5rem);
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
    grid-template-columns: 1fr auto;
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
`;

import { css } from 'lit';

/** The symbol keeps dark modules on a light quiet zone in every theme (scanners need it); no dark-mode override. */
export const checkinStyles = css`
  :host {
    --_loyalty-code-size: var(--loyalty-checkin-code-size, 14rem);
    --_loyalty-code-dark: var(--loyalty-checkin-code-color, #000000);
    --_loyalty-code-light: var(--loyalty-checkin-code-background, #ffffff);
    --_loyalty-code-expired: var(--loyalty-checkin-code-expired-color, #c4c7cc);
    text-align: center;
  }
  /* high contrast is pure black on white whatever the theme: not a token */
  :host([high-contrast]) {
    --_loyalty-code-dark: #000000;
    --_loyalty-code-light: #ffffff;
    --_loyalty-muted: var(--_loyalty-text);
  }
  figure {
    margin: 0;
    display: grid;
    justify-items: center;
    gap: var(--_loyalty-space-s);
  }
  .frame {
    display: block;
    width: min(100%, var(--_loyalty-code-size));
    background: var(--_loyalty-code-light);
    border-radius: calc(var(--_loyalty-radius) / 2);
    overflow: hidden;
    forced-color-adjust: none;
  }
  .frame.code128 {
    width: min(100%, calc(var(--_loyalty-code-size) * 1.5));
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
  }
  .light {
    fill: var(--_loyalty-code-light);
  }
  .dark {
    fill: var(--_loyalty-code-dark);
  }
  :host([high-contrast]) .frame {
    outline: 2px solid var(--_loyalty-text);
  }
  .expired .dark {
    fill: var(--_loyalty-code-expired);
  }
  .expired svg {
    filter: blur(3px);
  }
  figcaption {
    display: grid;
    gap: 0.125em;
  }
  figcaption p {
    margin: 0;
  }
  .label {
    color: var(--_loyalty-muted);
  }
  .token {
    font-size: 1.375em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.06em;
    word-spacing: 0.25em;
    overflow-wrap: anywhere;
    min-height: 1.5em;
  }
  :host([high-contrast]) .token {
    font-size: 1.625em;
    font-weight: 700;
  }
  .countdown {
    color: var(--_loyalty-muted);
    font-variant-numeric: tabular-nums;
    min-height: 1.5em;
  }
  .expired-note {
    color: var(--_loyalty-danger);
    font-weight: 600;
  }
  .note {
    margin: 0;
    font-size: 0.875em;
    color: var(--_loyalty-muted);
  }
  .actions {
    margin-top: var(--_loyalty-space-s);
  }
  .bone.square {
    display: block;
    width: min(100%, var(--_loyalty-code-size));
    height: auto;
    aspect-ratio: 1;
  }
  .bone.bars {
    display: block;
    width: min(100%, calc(var(--_loyalty-code-size) * 1.5));
    height: auto;
    aspect-ratio: 3.2;
  }
  .bone.line {
    height: 1.25em;
  }
  .label-bone {
    --w: 7em;
  }
  .token-bone {
    --w: 9em;
  }
`;

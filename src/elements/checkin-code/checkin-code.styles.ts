import { css } from 'lit';

/** The symbol keeps dark modules on a light quiet zone in every theme (scanners need it); no dark-mode override. */
export const checkinStyles = css`
  :host {
    --_loyalty-code-size: var(--loyalty-checkin-code-size, 14em);
    --_loyalty-code-dark: var(--loyalty-checkin-code-color, #000000);
    --_loyalty-code-light: var(--loyalty-checkin-code-background, #ffffff);
    --_loyalty-code-expired: var(--loyalty-checkin-code-expired-color, #c4c7cc);
    /* the smallest QR code that scans from a phone held at a till (10em) and the frame around it */
    --_loyalty-code-min: 10em;
    --_loyalty-min-width: 12.5em;
  }
  .base {
    text-align: center;
    /* sized by the code (never below its minimum), not by the container: a shrink-to-fit dropdown
       gets the code's full size */
    container-type: normal;
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
    /* the column is the container's width (the code shrinks to it, down to its minimum) */
    grid-template-columns: minmax(0, 1fr);
    justify-items: center;
    gap: var(--_loyalty-space-s);
  }
  .frame {
    display: block;
    inline-size: var(--_loyalty-code-size);
    max-inline-size: 100%;
    min-inline-size: var(--_loyalty-code-min);
    background: var(--_loyalty-code-light);
    border-radius: calc(var(--_loyalty-radius) / 2);
    overflow: hidden;
    forced-color-adjust: none;
  }
  /* a Code 128 keeps at least one CSS pixel per module (set from its module count) */
  .frame.code128 {
    inline-size: calc(var(--_loyalty-code-size) * 1.5);
    min-inline-size: max(var(--_loyalty-code-min), var(--_loyalty-code-modules, 0px));
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
  /* as wide as the figure (the code), whatever its text: the token's size follows that width */
  figcaption {
    display: grid;
    gap: 0.125em;
    justify-self: stretch;
    container-type: inline-size;
  }
  figcaption p {
    margin: 0;
  }
  .label {
    color: var(--_loyalty-muted);
  }
  /* a token of up to four groups of four stays on one line, smaller in a narrow container; a
     longer one wraps between its groups, never inside one */
  .token {
    font-size: min(1.375em, 8cqi);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.06em;
    word-spacing: 0.25em;
    min-height: 1.5em;
  }
  :host([high-contrast]) .token {
    font-size: min(1.625em, 9.5cqi);
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
    width: var(--_loyalty-code-size);
    max-width: 100%;
    min-width: var(--_loyalty-code-min);
    height: auto;
    aspect-ratio: 1;
  }
  .bone.bars {
    display: block;
    width: calc(var(--_loyalty-code-size) * 1.5);
    max-width: 100%;
    min-width: var(--_loyalty-code-min);
    height: auto;
    aspect-ratio: 3.2;
  }
  .bone.line {
    height: 1.25em;
  }
  .label-bone {
    --_loyalty-bone-width: 7em;
  }
  .token-bone {
    --_loyalty-bone-width: 9em;
  }

  /* ── Print: a rotating code expires within minutes, so paper gets the "valid only on screen"
     note instead (no code, no token, no countdown); a static card number prints, black on white ── */
  @media print {
    .rotating,
    [part~='countdown'] {
      display: none;
    }
    .frame {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    [part~='print-note'] {
      font-size: 1em;
      color: var(--_loyalty-text);
    }
  }
`;

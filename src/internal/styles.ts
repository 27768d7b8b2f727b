import { css } from 'lit';

/**
 * The shared token layer (documented with `@cssprop` on `LoyaltyElement`). Page-level
 * `--loyalty-*` tokens feed private `--_loyalty-*` variables. Each colour default is a
 * `light-dark()` pair, resolved by the element's `color-scheme`: the page's (inherited, including
 * `<meta name="color-scheme">`), unless `--loyalty-color-scheme` (which `<loyalty-session theme>`
 * sets) or the element's own `theme` attribute says otherwise. A page's own tokens may be
 * `light-dark()` pairs too.
 *
 * Isolation: every inherited text property is reset to the kit's own value on `:host` and again
 * on `.base` (which page CSS cannot reach), except the font family and base size, which follow
 * the surrounding text unless their tokens say otherwise, and `direction`, which follows the page.
 * Every length is in `em` of that one base size (never `rem`: a page's `html { font-size: 62.5% }`
 * does not shrink the kit).
 */
export const baseStyles = css`
  :host {
    /* unset, the declaration is invalid at computed-value time: color-scheme inherits the page's */
    color-scheme: var(--loyalty-color-scheme);
    --_loyalty-text: var(--loyalty-color-text, light-dark(#1d1d1f, #e8eaed));
    --_loyalty-muted: var(--loyalty-color-muted, light-dark(#5f6368, #a8adb4));
    --_loyalty-surface: var(--loyalty-color-surface, light-dark(#ffffff, #1f2023));
    --_loyalty-border: var(--loyalty-color-border, light-dark(#dadce0, #3c4043));
    --_loyalty-accent: var(--loyalty-color-accent, light-dark(#1a56db, #8ab4f8));
    --_loyalty-on-accent: var(--loyalty-color-on-accent, light-dark(#ffffff, #0b1a33));
    --_loyalty-danger: var(--loyalty-color-danger, light-dark(#b3261e, #f2b8b5));
    --_loyalty-danger-strong: var(--loyalty-color-danger-strong, #b3261e);
    --_loyalty-on-danger: var(--loyalty-color-on-danger, #ffffff);
    --_loyalty-skeleton: var(--loyalty-color-skeleton, light-dark(#e8eaed, #3c4043));
    --_loyalty-backdrop: var(--loyalty-color-backdrop, rgb(0 0 0 / 0.4));
    --_loyalty-size: var(--loyalty-font-size, 1em);
    --_loyalty-line-height: var(--loyalty-font-line-height, 1.5);
    --_loyalty-radius: var(--loyalty-radius, 0.75em);
    --_loyalty-space: var(--loyalty-space-m, 1em);
    --_loyalty-space-s: var(--loyalty-space-s, calc(var(--_loyalty-space) * 0.5));
    --_loyalty-space-l: var(--loyalty-space-l, calc(var(--_loyalty-space) * 1.5));
    /* private values nothing on the page may feed (a page-level variable of the same name would) */
    --_loyalty-bone-width: 6em;
    --_loyalty-min-width: 15em;
    display: block;
    box-sizing: border-box;
    /* a sensible minimum (each element documents its own): a shrink-to-fit container gets at least this */
    min-inline-size: var(--_loyalty-min-width);
    color: var(--_loyalty-text);
    /* the surrounding text's family, unless the token says otherwise (unset: invalid, so inherited) */
    font-family: var(--loyalty-font-family);
    font-size: var(--_loyalty-size);
  }
  /* Every inherited text property the page may set on body (or on every node with "*"), reset to
     the kit's own: on the host, and again on the frame, which no page selector reaches. Not
     direction (RTL follows the page), not the font family and size (they follow the page's text) */
  :host,
  .base {
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    font-stretch: normal;
    font-kerning: auto;
    font-feature-settings: normal;
    font-variation-settings: normal;
    font-size-adjust: none;
    font-optical-sizing: auto;
    line-height: var(--_loyalty-line-height);
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-align-last: auto;
    text-indent: 0;
    text-shadow: none;
    text-decoration-skip-ink: auto;
    text-underline-offset: auto;
    text-underline-position: auto;
    text-emphasis: none;
    text-rendering: auto;
    white-space: normal;
    word-break: normal;
    line-break: auto;
    hyphens: manual;
    tab-size: 8;
    /* free text wraps at word boundaries; a word longer than the line breaks only then, and never
       makes the element's min-content one glyph wide (as overflow-wrap: anywhere would) */
    overflow-wrap: break-word;
    cursor: auto;
    quotes: auto;
    list-style: none;
    caret-color: auto;
    accent-color: var(--_loyalty-accent);
    -webkit-text-fill-color: currentcolor;
    -webkit-text-stroke: 0;
  }
  /* the frame lives inside the shadow root, where a page's reset cannot reach it; the container of
     the elements' narrow layouts (@container), whose width never comes from its content */
  .base {
    box-sizing: border-box;
    container-type: inline-size;
    color: var(--_loyalty-text);
    background: var(--_loyalty-surface);
    border: 1px solid var(--_loyalty-border);
    border-radius: var(--_loyalty-radius);
    padding: var(--_loyalty-space);
  }
  /* theme="light|dark" forces the scheme; any other value ("auto") follows the OS */
  :host([theme]) {
    color-scheme: light dark;
  }
  :host([theme='light' i]) {
    color-scheme: light;
  }
  :host([theme='dark' i]) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  /* never inherited from the page (* { box-sizing: content-box }) */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* a grid or flex item holding API text is never wider than its track: a 10,000-character word
     breaks (overflow-wrap: break-word) instead of widening the element. Zero specificity: any
     rule of the kit wins */
  :where(.base *) {
    min-inline-size: 0;
  }
  .state {
    margin: 0;
    color: var(--_loyalty-muted);
  }
  .state p {
    margin: 0 0 var(--_loyalty-space-s);
  }
  .error {
    color: var(--_loyalty-danger);
  }
  button {
    font: inherit;
    color: var(--_loyalty-on-accent);
    background: var(--_loyalty-accent);
    border: 0;
    border-radius: calc(var(--_loyalty-radius) / 1.5);
    padding: 0.375em 1em;
    cursor: pointer;
    min-height: 2.25em;
  }
  button:focus-visible {
    outline: 3px solid var(--_loyalty-accent);
    outline-offset: 2px;
  }
  button.secondary {
    color: var(--_loyalty-accent);
    background: transparent;
    border: 1px solid var(--_loyalty-border);
  }
  button.danger {
    color: var(--_loyalty-on-danger);
    background: var(--_loyalty-danger-strong);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  dialog {
    color: var(--_loyalty-text);
    background: var(--_loyalty-surface);
    border: 1px solid var(--_loyalty-border);
    border-radius: var(--_loyalty-radius);
    padding: var(--_loyalty-space-l);
    max-width: min(28em, calc(100vw - 2em));
  }
  dialog::backdrop {
    background: var(--_loyalty-backdrop);
  }
  dialog h2 {
    margin: 0 0 var(--_loyalty-space-s);
    font-size: 1.125em;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_loyalty-space-s);
    margin-top: var(--_loyalty-space);
  }
  .bone {
    display: inline-block;
    height: 1em;
    width: var(--_loyalty-bone-width, 6em);
    max-width: 100%;
    vertical-align: middle;
    border-radius: 0.25em;
    background: var(--_loyalty-skeleton);
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* the platform's own words about a failure: for the merchant, hidden unless the page shows them
     with "<tag>::part(error-detail) { display: block }" (a page's ::part rule wins over this one) */
  [part~='error-detail'] {
    display: none;
  }
  /* content printed only on paper (e.g. checkin-code's "valid only on screen" note) */
  .print-only {
    display: none;
  }

  /* ── Windows High Contrast (forced-colors: active) ──────────────────────────────────────────
     The browser swaps every colour for the user's system palette and drops backgrounds: what
     told a control or a state apart by its background alone gets an outline or a system colour. */
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
    button:disabled {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
    /* a toggle's pressed state was only its filled background */
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      color: HighlightText;
      background: Highlight;
      border-color: Highlight;
    }
    :focus-visible {
      outline-color: Highlight;
    }
    dialog {
      border-color: CanvasText;
    }
    /* placeholders keep their outline instead of turning into blank space */
    .bone {
      forced-color-adjust: none;
      background: GrayText;
    }
  }

  /* ── Print ───────────────────────────────────────────────────────────────────────────────────
     Paper is light whatever the screen's scheme, and has no use for controls. */
  @media print {
    :host,
    :host([theme]),
    :host([theme='dark' i]) {
      color-scheme: light;
    }
    button,
    dialog {
      display: none;
    }
    .print-only {
      display: block;
    }
    .bone {
      animation: none;
    }
  }
`;

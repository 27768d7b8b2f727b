import { css } from 'lit';

/**
 * The shared token layer (documented with `@cssprop` on `LoyaltyElement`). Page-level
 * `--loyalty-*` tokens feed private `--_*` variables. Each colour default is a `light-dark()`
 * pair, resolved by the element's `color-scheme`: the OS preference (`light dark`), unless
 * `--loyalty-color-scheme` (which `<loyalty-session theme>` sets) or the element's own `theme`
 * attribute says otherwise. A page's own tokens may be `light-dark()` pairs too.
 */
export const baseStyles = css`
  :host {
    color-scheme: var(--loyalty-color-scheme, light dark);
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
    --_loyalty-font: var(--loyalty-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_loyalty-size: var(--loyalty-font-size, 1rem);
    --_loyalty-line-height: var(--loyalty-font-line-height, 1.5);
    --_loyalty-radius: var(--loyalty-radius, 0.75rem);
    --_loyalty-space: var(--loyalty-space-m, 1rem);
    --_loyalty-space-s: var(--loyalty-space-s, calc(var(--_loyalty-space) * 0.5));
    --_loyalty-space-l: var(--loyalty-space-l, calc(var(--_loyalty-space) * 1.5));
    display: block;
    color: var(--_loyalty-text);
    font-family: var(--_loyalty-font);
    font-size: var(--_loyalty-size);
    line-height: var(--_loyalty-line-height);
    /* API text may be one 10,000-character word: it wraps rather than widen the element */
    overflow-wrap: anywhere;
  }
  /* the frame lives inside the shadow root, where a page's reset cannot reach it */
  .base {
    box-sizing: border-box;
    background: var(--_loyalty-surface);
    border: 1px solid var(--_loyalty-border);
    border-radius: var(--_loyalty-radius);
    padding: var(--_loyalty-space);
  }
  /* theme="light|dark" overrides the scheme; any other value ("auto") follows the OS */
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
  *,
  *::before,
  *::after {
    box-sizing: inherit;
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
    max-width: min(28rem, calc(100vw - 2rem));
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
`;

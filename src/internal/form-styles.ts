import { css } from 'lit';

/** Form controls on the shared tokens: labelled fields, inputs, a field's error, the actions row. */
export const formStyles = css`
  form {
    display: grid;
    gap: calc(var(--_loyalty-space) * 0.75);
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  label,
  legend {
    font-weight: 600;
    padding: 0;
  }
  .choice {
    display: flex;
    gap: 0.5em;
    align-items: center;
    font-weight: normal;
  }
  /* the browser's own radio margin is physical (more on the left): none, so RTL mirrors it */
  .choice input {
    margin: 0;
    flex-shrink: 0;
  }
  input:not([type='radio']),
  select {
    font: inherit;
    color: inherit;
    background: var(--_loyalty-surface);
    border: 1px solid var(--_loyalty-muted);
    border-radius: calc(var(--_loyalty-radius) / 2);
    padding: 0.375em 0.5em;
    min-height: 2.5em;
    width: 100%;
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_loyalty-accent);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--_loyalty-danger);
  }
  p.error {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_loyalty-space-s);
    align-items: center;
  }

  /* ── Windows High Contrast: an invalid field was told apart by its red border alone ── */
  @media (forced-colors: active) {
    [aria-invalid='true'] {
      border-width: 2px;
      border-style: dashed;
    }
  }
`;

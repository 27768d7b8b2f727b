import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from './error-text.js';

/**
 * The platform's own words about a failure (or the field an answer got wrong), as text, in a
 * `part="error-detail"` that is hidden unless the page shows it:
 * `loyalty-balance::part(error-detail) { display: block }` (or `inline` where it sits in a line).
 */
export function errorDetail(error: unknown, block = false): TemplateResult | typeof nothing {
  const { detail } = describeError(error);
  if (!detail) return nothing;
  return block ? html`<p part="error-detail">${detail}</p>` : html` <span part="error-detail">${detail}</span>`;
}

import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * `:host { min-height: var(<token>, auto) }`: an element's documented `--loyalty-<tag>-min-height`,
 * which a page sets to reserve a height. Before the script runs, `loyalty-elements.css`
 * (src/preload.css) reserves the same token with the element's typical height as its default;
 * once upgraded, the skeleton has the outline of the data, so only a value the page sets applies.
 */
export const minHeight = (token: `--loyalty-${string}-min-height`): CSSResult => css`
  :host {
    min-height: var(${unsafeCSS(token)}, auto);
  }
`;

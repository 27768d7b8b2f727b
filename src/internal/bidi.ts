import { html, type TemplateResult } from 'lit';

/**
 * Bidi isolation, so a right-to-left page (`dir="rtl"`) mirrors the layout without reordering
 * what must read one way. `figure()`: a figure with its sign and unit ("+21 Points", "€12.50", a
 * date, a token in groups), isolated and left to right (the kit's languages, and the digits, run
 * left to right). `isolated()`: API text (a reward's name) or a sentence of the kit's that holds a
 * figure, isolated with its direction taken from its first strong character (`<bdi>`'s `dir=auto`).
 */
export const figure = (content: unknown): TemplateResult => html`<bdi dir="ltr">${content}</bdi>`;

export const isolated = (content: unknown): TemplateResult => html`<bdi>${content}</bdi>`;

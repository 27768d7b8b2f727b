/**
 * Hostile strings for the hardening suites. Every XSS payload calls the page-level trap
 * `window.__xss(id)` if it ever runs, with its own id, so a test can say which one got through.
 * Install the trap with `installXssTrap()` before any data arrives.
 */

declare global {
  interface Window {
    __xss?: (id: number) => void;
  }
}

/** Calls of the trap so far (payload ids). */
export const xssCalls: number[] = [];

/** Defines `window.__xss`, recording every call. Idempotent. */
export function installXssTrap(): void {
  window.__xss = (id: number) => {
    xssCalls.push(id);
  };
}

const t = (id: number) => `__xss(${id})`;

/** Script tags, event handlers, `javascript:` URLs, SVG/MathML tricks, template and attribute breakers. */
export const XSS_PAYLOADS: readonly string[] = [
  `<script>${t(1)}</script>`,
  `<img src=x onerror=${t(2)}>`,
  `<svg onload=${t(3)}>`,
  `<svg><script>${t(4)}</script></svg>`,
  `javascript:${t(5)}`,
  `<a href="javascript:${t(6)}">click me</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${t(7)}>`,
  `"><img src=x onerror=${t(8)}>`,
  `'><svg/onload=${t(9)}>`,
  '${' + t(10) + '}',
  `{{constructor.constructor('${t(11)}')()}}`,
  `</style><img src=x onerror=${t(12)}>`,
  `</textarea><img src=x onerror=${t(13)}>`,
  `<iframe srcdoc="<script>parent.${t(14)}</script>"></iframe>`,
  `<details open ontoggle=${t(15)}>`,
  `<input autofocus onfocus=${t(16)}>`,
  `" onmouseover="${t(17)}" x="`,
  `' onfocus='${t(18)}' autofocus x='`,
  `<object data="javascript:${t(19)}"></object>`,
  `<embed src="javascript:${t(20)}">`,
  `<body onload=${t(21)}>`,
  `<noscript><p title="</noscript><img src=x onerror=${t(22)}>">`,
  `<form><button formaction=javascript:${t(23)}>go</button></form>`,
  `<svg><animate onbegin=${t(24)} attributeName=x dur=1s>`,
  `<video><source onerror=${t(25)}></video>`,
  `<a href="jav&#x09;ascript:${t(26)}">tab</a>`,
  `<!--?lit$123$--><img src=x onerror=${t(27)}>`,
  `<loyalty-balance onclick=${t(28)}></loyalty-balance>`,
  `';${t(29)};//`,
  `\\";${t(30)};//`,
  `<svg><foreignObject><img src=x onerror=${t(31)}></foreignObject></svg>`,
  `<template shadowrootmode="open"><img src=x onerror=${t(32)}></template>`,
  `\u202e<img src=x onerror=${t(33)}>`,
  `data:text/html,<script>${t(34)}</script>`,
];

/** Strings that test the layout rather than the parser. */
export const LAYOUT_STRINGS: readonly string[] = [
  'W'.repeat(10_000), // over-long, no spaces
  'مرحبا بكم في برنامج الولاء الخاص بنا — نقاط المكافآت',
  'שלום וברוכים הבאים לתוכנית הנאמנות שלנו',
  '👩‍👩‍👧‍👦🏳️‍🌈👨🏽‍💻🧑🏿‍🚀 family & friends 🎉🎉🎉',
  'Z̸̡̛̯̈́a̵̢͚͐l̴̰̈g̷̱̈́o̶̧͝ ̸̰̌t̴͙̎e̸̜͆x̵̱̌t̵̡̾',
  'abc\u200b'.repeat(2_000), // zero-width spaces only
];

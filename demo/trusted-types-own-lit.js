// The merchant's own Lit (demo/trusted-types-own-lit.html), loaded before the kit: lit-html
// creates its "lit-html" Trusted Types policy when it loads, so the kit's copy of Lit is the
// second one to ask for that name. The page renders its banner with it, as its own components would.
import { html, render } from '/node_modules/lit-html/lit-html.js';

render(html`<strong>Rendered by the page’s own Lit.</strong>`, document.getElementById('merchant-banner'));
window.merchantLitRendered = true;

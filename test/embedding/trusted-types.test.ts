import { expect } from '@open-wc/testing';
import { BACKENDS } from '../helpers/backends.js';
import { resetSandbox, until } from '../helpers/sandbox.js';
import { TAGS, closePages, everyElementShowsData, openPage, signInSeed, text, violations, type FramedPage } from './framed-page.js';

/**
 * Trusted Types: demo/trusted-types.html (and -own-lit.html, where the page runs its own Lit
 * first) load the built CDN bundle under the strict CSP plus `require-trusted-types-for 'script'`
 * and a `trusted-types` allowlist chosen by `?tt=` (test/helpers/csp-middleware.js).
 */
const DOCUMENTED = "trusted-types lit-html 'allow-duplicates'";

/** Every element of both sessions, and the sessions. */
const everyElement = (page: FramedPage) =>
  BACKENDS.flatMap((b) => {
    const session = page.document.getElementById(b.name)!;
    return TAGS.map((tag) => session.querySelector(tag)!);
  });

describe('Trusted Types', () => {
  before(async function () {
    // Chromium has Trusted Types; a browser without them ignores the directives (nothing to test)
    if (!('trustedTypes' in window)) this.skip();
    await resetSandbox();
  });
  afterEach(closePages);

  it(`is served with "${DOCUMENTED}" and require-trusted-types-for, and the page’s own probe is refused`, async () => {
    const res = await fetch('/demo/trusted-types.html?tt=documented');
    expect(res.headers.get('content-security-policy')).to.contain("require-trusted-types-for 'script'").and.to.contain(DOCUMENTED);
    const page = await openPage('/demo/trusted-types.html?tt=documented');
    // a string into an HTML sink is refused: the policy is enforced
    expect(() => (page.document.body.querySelector('header')!.innerHTML = '<b>x</b>'))
      .to.throw()
      .with.property('name', 'TypeError');
    await until(() => page.cspViolations.some((v) => v.directive === 'require-trusted-types-for'));
  });

  it(`with the documented allowlist (${DOCUMENTED}), every element renders data on both backends with zero violations`, async function () {
    this.timeout(30_000);
    const page = await openPage('/demo/trusted-types.html?tt=documented');
    for (const b of BACKENDS) await everyElementShowsData(await signInSeed(page, b), b);
    expect(await violations(page)).to.deep.equal([]);
    expect(page.pageErrors).to.deep.equal([]);
  });

  it('still works when the page runs its own Lit first (its own "lit-html" policy)', async function () {
    this.timeout(30_000);
    const page = await openPage('/demo/trusted-types-own-lit.html?tt=documented');
    await until(() => (page as FramedPage & { merchantLitRendered?: boolean }).merchantLitRendered);
    expect(page.document.getElementById('merchant-banner')!.textContent).to.equal('Rendered by the page’s own Lit.');
    for (const b of BACKENDS) await everyElementShowsData(await signInSeed(page, b), b);
    expect(await violations(page)).to.deep.equal([]);
    expect(page.pageErrors).to.deep.equal([]);
  });

  for (const [tt, url, why] of [
    ['foreign', '/demo/trusted-types.html?tt=foreign', 'an allowlist without lit-html'],
    ['no-duplicates', '/demo/trusted-types-own-lit.html?tt=no-duplicates', "lit-html without 'allow-duplicates' after the page's own Lit"],
  ] as const) {
    it(`with ${why}, every element says which directive to add instead of staying blank (?tt=${tt})`, async function () {
      this.timeout(20_000);
      const page = await openPage(url);
      await until(() => page.customElements.get('card-wallet'));
      const elements = everyElement(page);
      await until(() => elements.every((el) => text(el).includes("lit-html 'allow-duplicates'")));
      for (const el of elements) {
        const error = el.shadowRoot!.querySelector('[part~=error][role=alert]')!;
        expect(text(el), el.localName).to.equal(
          "This page’s Content-Security-Policy stops these loyalty elements from rendering. Add lit-html 'allow-duplicates' to its trusted-types directive.",
        );
        expect(error, el.localName).to.exist;
        // visible, in the element's frame
        expect(el.getBoundingClientRect().height, el.localName).to.be.greaterThan(20);
      }
      // the refusal, and the kit's one probe of require-trusted-types-for: no element tried to
      // parse its templates (a violation each), and nothing was thrown
      expect((await violations(page)).map((v) => v.directive)).to.deep.equal(['trusted-types', 'require-trusted-types-for']);
      expect(page.pageErrors).to.deep.equal([]);
    });
  }
});

import { expect } from '@open-wc/testing';
import { BACKENDS } from '../helpers/backends.js';
import { resetSandbox, until } from '../helpers/sandbox.js';
import { closePages, everyElementShowsData, openPage, signInSeed, text, violations } from './framed-page.js';

/**
 * The kit added as a tag manager adds scripts: `<script src=".../loyalty-elements.classic.js">`,
 * without `type="module"` (demo/classic-script.html, -fr.html), under the strict CSP and, with
 * `?tt=documented`, Trusted Types (test/helpers/csp-middleware.js).
 */
const CLASSIC = '/dist/cdn/loyalty-elements.classic.js';

describe('classic script (dist/cdn/loyalty-elements.classic.js)', () => {
  before(resetSandbox);
  afterEach(closePages);

  it('is valid as a classic script (no top-level import or export), unlike the module build', async () => {
    const source = await (await fetch(CLASSIC)).text();
    expect(source).to.contain('loyalty-elements.js');
    // a function body parses as a classic script does
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- parses (never runs) the file as a classic script body
    expect(() => new Function(source)).not.to.throw();
    const module = await (await fetch('/dist/cdn/loyalty-elements.js')).text();
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- parses (never runs) the file as a classic script body
    expect(() => new Function(module)).to.throw(SyntaxError);
  });

  for (const tt of ['', 'documented']) {
    const url = `/demo/classic-script.html${tt && `?tt=${tt}`}`;
    it(`renders every element with data on both backends, with zero violations and no error${tt ? ', under Trusted Types' : ''} (${url})`, async function () {
      if (tt && !('trustedTypes' in window)) this.skip(); // a browser without Trusted Types ignores the directives
      this.timeout(30_000);
      const page = await openPage(url);
      const tag = page.document.querySelector(`script[src="${CLASSIC}"]`);
      expect(tag?.hasAttribute('type'), 'a classic script').to.equal(false);
      // no module script of the page's own (the test server adds its web socket client)
      const modules = [...page.document.querySelectorAll('script[type=module]')].map((s) => s.getAttribute('src') ?? 'inline');
      expect(modules.filter((src) => !src.startsWith('/__web-dev-server'))).to.deep.equal([]);
      for (const b of BACKENDS) await everyElementShowsData(await signInSeed(page, b), b);
      expect(await violations(page)).to.deep.equal([]);
      expect(page.pageErrors).to.deep.equal([]);
    });
  }

  it('on a French page, loads the French chunk beside the module build and speaks French', async function () {
    this.timeout(20_000);
    const page = await openPage('/demo/classic-script-fr.html?tt=documented');
    await until(() => page.customElements.get('loyalty-balance'));
    const balances = [...page.document.querySelectorAll('loyalty-balance')];
    await until(() => balances.every((el) => text(el) === 'Connectez-vous pour voir vos renseignements de fidélité.'));
    const chunks = page.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(chunks).to.include('/dist/cdn/locales/fr.js');
    const b = BACKENDS[0];
    const session = await signInSeed(page, b);
    await until(() => text(session.querySelector('reward-progress')).includes(b.seed.rewardNames[0]));
    expect(await violations(page)).to.deep.equal([]);
    expect(page.pageErrors).to.deep.equal([]);
  });
});

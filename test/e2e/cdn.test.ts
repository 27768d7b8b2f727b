import { expect } from '@open-wc/testing';
import { MEMBERS, SPOONITY, VENDOR, resetSandbox, signIn, until } from '../helpers/sandbox.js';

/**
 * The script-tag build (dist/cdn/loyalty-elements.js, built by `npm test` before the browser
 * suite) loaded the way merchants load it — and loaded twice, as happens with two script tags
 * or a CDN copy beside an npm copy.
 */
describe('CDN bundle', () => {
  before(resetSandbox);

  it('loads twice on one page without an error or a warning', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // two URLs → two independent module instances, like two copies of the kit
      const bundle = '/dist/cdn/loyalty-elements.js';
      await import(/* @vite-ignore */ `${bundle}?copy=1`);
      await import(/* @vite-ignore */ `${bundle}?copy=2`);
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('loyalty-session')).to.exist;
    expect(customElements.get('loyalty-balance')).to.exist;
  });

  it('shows the member balance from plain HTML, the key set as a property', async () => {
    const host = document.createElement('div');
    host.innerHTML = `
      <loyalty-session id="member" api-base="${SPOONITY}" vendor-id="${VENDOR}" locale="en-CA">
        <loyalty-balance></loyalty-balance>
      </loyalty-session>
      <loyalty-balance session="member" show="points"></loyalty-balance>`;
    document.body.append(host);
    (document.getElementById('member') as HTMLElement & { sessionKey: string }).sessionKey = await signIn(MEMBERS.seed);
    const [inside, outside] = [...host.querySelectorAll('loyalty-balance')];
    await until(() => inside.shadowRoot?.textContent?.includes('$15.00'));
    await until(() => outside.shadowRoot?.textContent?.includes('Points'));
    host.remove();
  });
});

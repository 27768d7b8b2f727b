import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto, type BackendFixture } from '../helpers/backends.js';
import { armFault, resetSandbox, until } from '../helpers/sandbox.js';

/**
 * Members read one sentence of the kit's per failure; the platform's (or the sandbox's) own words
 * go to the `loyalty-error` event and to `part="error-detail"`, hidden unless the page shows it
 * with `::part(error-detail)`.
 */
const WORDS = 'Sandbox fault: HTTP 500';

/** Every element state that shows a read's failure, with the path to break. */
const reads = (b: BackendFixture): [string, TemplateResult, string][] => [
  ['loyalty-balance', html`<loyalty-balance></loyalty-balance>`, b.paths.balances],
  ['reward-progress', html`<reward-progress></reward-progress>`, b.paths.rewards],
  ['transaction-history', html`<transaction-history></transaction-history>`, b.paths.history],
  ['profile-form', html`<profile-form></profile-form>`, b.paths.profile],
  ['card-wallet', html`<card-wallet></card-wallet>`, b.paths.cards],
];

/** The visible text of a shadow root (what is rendered: `innerText` skips `display: none`). */
const visible = (host: Element) => [...host.shadowRoot!.children].map((c) => (c instanceof HTMLElement ? c.innerText : '')).join(' ');

describe('platform words are for the merchant, the kit’s sentence for members', function () {
  this.timeout(20_000);
  beforeEach(resetSandbox);

  for (const b of BACKENDS) {
    for (const [tag, content, path] of reads(b)) {
      it(`<${tag}> · ${b.name}: the error shows the kit’s sentence; the platform’s words are in a hidden error-detail and the event`, async () => {
        await armFault({ match: { path }, fault: 'status=500', times: 0 });
        const root = await fixture<LoyaltySession>(html`
          <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" locale="en-CA">${content}</loyalty-session>`);
        const el = root.querySelector(tag)!;
        const errors: CustomEvent[] = [];
        el.addEventListener('loyalty-error', (e) => errors.push(e as CustomEvent));
        await signInto(root, b, b.members.seed);
        await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 8000);
        const shown = visible(el);
        expect(shown).to.contain('The loyalty service is unavailable right now. Please try again.');
        expect(shown).not.to.contain(WORDS);
        const detail = el.shadowRoot!.querySelector<HTMLElement>('[part~="error-detail"]')!;
        expect(detail.textContent).to.equal(WORDS);
        expect(getComputedStyle(detail).display).to.equal('none');
        expect(errors.map((e) => (e.detail as Error).message)).to.include(WORDS);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('shows the platform’s words where the page styles ::part(error-detail)', async () => {
    const b = BACKENDS[0];
    const style = document.createElement('style');
    style.textContent = 'loyalty-balance::part(error-detail) { display: block; }';
    document.head.append(style);
    try {
      await armFault({ match: { path: b.paths.balances }, fault: 'status=500', times: 0 });
      const root = await fixture<LoyaltySession>(html`
        <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} retries="0"><loyalty-balance></loyalty-balance></loyalty-session>`);
      const el = root.querySelector('loyalty-balance')!;
      await signInto(root, b, b.members.seed);
      await until(() => el.shadowRoot!.querySelector('[part~="error-detail"]'), 8000);
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="error-detail"]')!).display).to.equal('block');
      expect(visible(el)).to.contain(WORDS);
    } finally {
      style.remove();
    }
  });

  it('never shows a wrong-shape answer’s field path to members (it is in the hidden detail)', async () => {
    const b = BACKENDS[0];
    await armFault({ match: { path: b.paths.balances }, fault: 'body=wrong-shape', times: 0 });
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} retries="0"><loyalty-balance></loyalty-balance></loyalty-session>`);
    const el = root.querySelector('loyalty-balance')!;
    await signInto(root, b, b.members.seed);
    await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 8000);
    expect(visible(el))
      .to.contain('The loyalty service sent an unexpected response.')
      .and.not.to.match(/is not valid|unexpected response:/);
  });
});

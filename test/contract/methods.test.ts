import { expect, fixture, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/index.js';
import type { LoyaltyElement } from '../../src/internal/loyalty-element.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto, type BackendFixture } from '../helpers/backends.js';
import { clearLog, requestLog, resetSandbox, until } from '../helpers/sandbox.js';

/** The element contract (issue 16): `focus()` on the form elements, `refresh()` on the data elements. */

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function mount(b: BackendFixture, body: ReturnType<typeof staticHtml>, member: string | null = b.members.seed) {
  const root =
    await fixture<LoyaltySession>(html`<loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} locale="en-CA"
    >${body}</loyalty-session
  >`);
  if (member) await signInto(root, b, member);
  return root;
}

const tagged = (tag: string, attrs = '') => staticHtml`<${unsafeStatic(tag)} ${unsafeStatic(attrs)}></${unsafeStatic(tag)}>`;

for (const b of BACKENDS) {
  describe(`element methods · ${b.name}`, () => {
    beforeEach(resetSandbox);

    const FORMS: [tag: string, member: string | null, first: string][] = [
      ['loyalty-sign-in', null, 'input[name=email]'],
      ['profile-form', b.members.seed, 'input[name="first-name"]'],
      ['account-deletion', b.members.seed, '[part~="delete"], input'],
    ];
    for (const [tag, member, first] of FORMS) {
      it(`<${tag}>.focus() moves focus to its first control`, async () => {
        const root = await mount(b, tagged(tag), member);
        const el = root.querySelector(tag) as LoyaltyElement;
        const target = () => el.shadowRoot!.querySelector<HTMLElement>(first);
        await until(() => target());
        el.focus();
        expect(document.activeElement).to.equal(el);
        expect(el.shadowRoot!.activeElement).to.equal(target());
      });
    }

    it('<card-wallet>.focus() moves focus to the link form’s first field when it is open, else to "Link card"', async function () {
      if (!b.supports('cards')) this.skip();
      const root = await mount(b, tagged('card-wallet'));
      const el = root.querySelector('card-wallet') as LoyaltyElement;
      const $ = (s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
      await until(() => $('[part~="link-button"]'));
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal($('[part~="link-button"]'));
      $('[part~="link-button"]')!.click();
      await until(() => $('[part~="form"]'));
      (document.activeElement as HTMLElement | null)?.blur();
      el.focus();
      expect(el.shadowRoot!.activeElement).to.equal($('[part~="form"] input'));
    });

    it('refresh() refetches what that element shows (and only that), keeping it on screen meanwhile', async () => {
      const root = await mount(b, staticHtml`<loyalty-balance></loyalty-balance><reward-progress></reward-progress>`);
      const balance = root.querySelector('loyalty-balance') as LoyaltyElement;
      const rewards = root.querySelector('reward-progress') as LoyaltyElement;
      await until(() => !balance.shadowRoot!.querySelector('[aria-busy]') && !rewards.shadowRoot!.querySelector('[aria-busy]') && text(rewards).length > 0);
      await b.setPoints(b.members.seed, 4321); // at the till
      await clearLog();
      balance.refresh();
      expect(balance.shadowRoot!.querySelector('[aria-busy]'), 'no skeleton: the figures stay').to.equal(null);
      await until(() => text(balance).includes('4,321'));
      const paths = (await requestLog()).map((r) => r.path);
      expect(paths.some((p) => p.endsWith(b.paths.balances))).to.equal(true);
      if (b.paths.rewards !== b.paths.balances) expect(paths.some((p) => p.endsWith(b.paths.rewards))).to.equal(false);
    });

    it('refresh() does nothing when signed out', async () => {
      const root = await mount(b, staticHtml`<loyalty-balance></loyalty-balance>`, null);
      (root.querySelector('loyalty-balance') as LoyaltyElement).refresh();
      expect(await requestLog()).to.deep.equal([]);
    });
  });
}

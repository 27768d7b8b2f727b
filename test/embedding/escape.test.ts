import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { AccountDeletion } from '../../src/elements/account-deletion/account-deletion.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { requestLog, resetSandbox, until } from '../helpers/sandbox.js';

const $ = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);

/**
 * A merchant's page closes its own modal (Bootstrap's, say) on Escape, listening on `document` and
 * `window`. Escape pressed in the kit's confirmation dialog must close that dialog only: the key
 * the dialog consumes does not leave the element.
 */
for (const b of BACKENDS) {
  describe(`Escape in a kit dialog · ${b.name}`, () => {
    const seen: string[] = [];
    const onDocument = (e: KeyboardEvent) => seen.push(`document:${e.key}`);
    const onWindow = (e: KeyboardEvent) => seen.push(`window:${e.key}`);

    before(resetSandbox);
    beforeEach(() => {
      seen.length = 0;
      document.addEventListener('keydown', onDocument);
      window.addEventListener('keydown', onWindow);
    });
    afterEach(() => {
      document.removeEventListener('keydown', onDocument);
      window.removeEventListener('keydown', onWindow);
    });

    async function mount() {
      const root = await fixture<LoyaltySession>(html`
        <loyalty-session backend=${b.backend} api-base=${b.apiBase} vendor-id=${b.vendorId} app-hostname=${b.appHostname} retries="0" locale="en-CA">
          <account-deletion></account-deletion>
        </loyalty-session>`);
      const el = root.querySelector('account-deletion') as AccountDeletion;
      await signInto(root, b, b.members.seed);
      await until(() => $(el, '[part=delete]'));
      return el;
    }

    it('closes the kit’s dialog, and the page’s keydown listeners see nothing', async () => {
      const el = await mount();
      $<HTMLButtonElement>(el, '[part=delete]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $<HTMLDialogElement>(el, 'dialog')?.open);
      seen.length = 0; // the Enter that opened it
      await sendKeys({ press: 'Escape' });
      await until(() => !$(el, 'dialog'));
      expect(seen).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus back on the button').to.equal('delete');
      expect(await requestLog({ method: 'DELETE' })).to.deep.equal([]);
    });

    it('Escape pressed outside a kit dialog still reaches the page', async () => {
      const el = await mount();
      $<HTMLButtonElement>(el, '[part=delete]')!.focus();
      await sendKeys({ press: 'Escape' });
      expect(seen).to.include('document:Escape').and.to.include('window:Escape');
    });
  });
}

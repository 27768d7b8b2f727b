import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { SPAAZA, SPAAZA_APP, SPAAZA_SEED, spaazaSignIn } from '../helpers/backends.js';
import { PASSWORD, requestLog, resetSandbox, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * A merchant page on Spaaza, set up as the README says: `backend="spaaza"`, the app hostname, the
 * chain id; the member signs in with `<loyalty-sign-in>` (or the page hands over a key and user id).
 */
describe('a Spaaza page end to end', () => {
  beforeEach(resetSandbox);

  it('signs seed 004’s member in and shows her name, points and member number', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spaaza" api-base=${SPAAZA} app-hostname=${SPAAZA_APP} vendor-id="1234" locale="en-CA">
        <loyalty-sign-in></loyalty-sign-in>
        <loyalty-balance></loyalty-balance>
        <checkin-code></checkin-code>
        <card-wallet></card-wallet>
      </loyalty-session>`);
    const [signIn, balance, checkin, wallet] = ['loyalty-sign-in', 'loyalty-balance', 'checkin-code', 'card-wallet'].map((t) => root.querySelector(t)!);
    await (signIn as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    signIn.shadowRoot!.querySelector<HTMLInputElement>('input[name=email]')!.focus();
    await sendKeys({ type: SPAAZA_SEED });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await until(() => text(signIn).includes('Signed in as Josephine Bloggs'));
    await until(() => text(balance) === 'Points 5');
    await until(() => text(checkin).includes('3935 159'));
    expect(text(checkin)).to.contain('Member card number (static code)');
    await until(() => text(wallet).includes('ending in 5159'));
    for (const el of [signIn, balance, checkin, wallet]) await expect(el).to.be.accessible();
  });

  it('takes a key and user id handed over by the page, with the production API as default base', async () => {
    const seen: string[] = [];
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spaaza" app-hostname=${SPAAZA_APP}><loyalty-balance></loyalty-balance></loyalty-session>`);
    root.fetch = async (input) => {
      seen.push(String(input));
      return new Response('', { status: 503 });
    };
    root.retries = 0;
    root.sessionKey = 'k'.repeat(64);
    await until(() => seen.length);
    expect(seen[0]).to.equal('https://api0.spaaza.com/internal/get-user');

    const credentials = await spaazaSignIn(SPAAZA_SEED);
    const page = await fixture<LoyaltySession>(html`
      <loyalty-session backend="spaaza" api-base=${SPAAZA} app-hostname=${SPAAZA_APP} user-id=${credentials.userId!}>
        <loyalty-balance></loyalty-balance>
      </loyalty-session>`);
    page.sessionKey = credentials.sessionKey;
    const balance = page.querySelector('loyalty-balance')!;
    await until(() => text(balance) === 'Points 5');
    expect((await requestLog({ path: '/internal/get-user' }))[0].headers).to.deep.include({ 'x-spaaza-session-user-id': '3935159' });
    expect(page.state.userId).to.equal('3935159');
    expect(page.getAttribute('session-key'), 'the key stays out of the DOM').to.equal(null);
  });
});

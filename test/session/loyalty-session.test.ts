import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import { LoyaltySession } from '../../src/session/loyalty-session.js';
import type { LoyaltyBalance } from '../../src/elements/loyalty-balance/loyalty-balance.js';
import { MEMBERS, SPOONITY, VENDOR, armFault, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('<loyalty-session>', () => {
  beforeEach(resetSandbox);

  it('shares one request per call among five elements', async () => {
    const key = await signIn(MEMBERS.seed);
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} vendor-id=${VENDOR} locale="en-CA">
        <loyalty-balance></loyalty-balance><loyalty-balance></loyalty-balance><loyalty-balance show="points"></loyalty-balance>
        <loyalty-balance show="quickpay"></loyalty-balance><loyalty-balance></loyalty-balance>
      </loyalty-session>`);
    root.sessionKey = key;
    const balances = [...root.querySelectorAll('loyalty-balance')];
    await until(() => balances.every((b) => /\$15\.00|Points/.test(text(b))));
    expect(await requestLog({ path: '/user/quick-pay/balance' })).to.have.length(1);
    expect(await requestLog({ path: '/user/currency/balance' })).to.have.length(1);
  });

  it('never paints the previous member while a slow response for them is in flight', async () => {
    const [seedKey, richKey] = await Promise.all([signIn(MEMBERS.seed), signIn(MEMBERS.rich)]);
    await armFault({ match: { email: MEMBERS.seed }, fault: 'latency=600', times: 0 });
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(text(balance)));
    observer.observe(balance.shadowRoot!, { subtree: true, childList: true, characterData: true });
    let sampling = true;
    const sample = () => {
      seen.push(text(balance));
      if (sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);

    root.sessionKey = seedKey; // slow
    await new Promise((r) => setTimeout(r, 50));
    root.sessionKey = richKey; // fast
    await until(() => text(balance).includes('$182.35'));
    await new Promise((r) => setTimeout(r, 900)); // the seed member's answers arrive now
    sampling = false;
    observer.disconnect();

    expect(text(balance)).to.contain('$182.35');
    expect(seen.filter((s) => s.includes('$15.00'))).to.deep.equal([]);
  });

  it('shows the skeleton, not the old figures, in the very next frame after a switch', async () => {
    const [seedKey, richKey] = await Promise.all([signIn(MEMBERS.seed), signIn(MEMBERS.rich)]);
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    root.sessionKey = seedKey;
    await until(() => text(balance).includes('$15.00'));
    await armFault({ match: { email: MEMBERS.rich }, fault: 'latency=300', times: 0 });
    root.sessionKey = richKey;
    const nextFrame = await new Promise<string>((r) => requestAnimationFrame(() => r(text(balance))));
    expect(nextFrame).not.to.contain('$15.00');
    expect(balance.shadowRoot!.querySelector('[aria-busy="true"]')).to.exist;
    await until(() => text(balance).includes('$182.35'));
  });

  it('fires loyalty-session-expired once on 401, empties the cache and shows signed out', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY}><loyalty-balance></loyalty-balance><loyalty-balance></loyalty-balance></loyalty-session>`);
    let expired = 0;
    const details: { error: { kind: string; status?: number } }[] = [];
    root.addEventListener('loyalty-session-expired', (e) => {
      expired++;
      details.push(e.detail);
    });
    root.sessionKey = 'not-a-valid-key';
    await until(() => expired > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(expired).to.equal(1);
    expect(root.signedIn).to.equal(false);
    expect(root.state.cache.size).to.equal(0);
    for (const b of root.querySelectorAll('loyalty-balance')) expect(text(b)).to.contain('Sign in to see your loyalty details.');
    expect(details[0].error).to.include({ kind: 'auth', status: 401 });
  });

  it('expires when the key is ended on the server, and recovers with a new key', async () => {
    const key = await signIn(MEMBERS.seed);
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} locale="en-CA" stale-time="0"><loyalty-balance></loyalty-balance></loyalty-session>`);
    const balance = root.querySelector('loyalty-balance')!;
    root.sessionKey = key;
    await until(() => text(balance).includes('$15.00'));
    await fetch(`${SPOONITY}/user/logout?session_key=${key}`);
    const expired = oneEvent(root, 'loyalty-session-expired');
    root.state.cache.refreshWatched(0);
    await expired;
    await until(() => text(balance).includes('Sign in'));
    root.sessionKey = await signIn(MEMBERS.seed);
    await until(() => text(balance).includes('$15.00'));
  });

  it('never puts the key in the DOM', async () => {
    const key = await signIn(MEMBERS.seed);
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY}><loyalty-balance></loyalty-balance></loyalty-session>`);
    root.sessionKey = key;
    await until(() => text(root.querySelector('loyalty-balance')!).includes('15'));
    expect(root.outerHTML).not.to.contain(key);
    expect(root.querySelector('loyalty-balance')!.shadowRoot!.innerHTML).not.to.contain(key);
  });

  it('accepts the session-key attribute too', async () => {
    const key = await signIn(MEMBERS.seed);
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} session-key=${key} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`);
    await until(() => text(root.querySelector('loyalty-balance')!).includes('$15.00'));
    expect(root.sessionKey).to.equal(key);
  });

  it('reaches an element outside it through session="id"', async () => {
    const key = await signIn(MEMBERS.seed);
    const wrapper = await fixture(html`<div>
      <loyalty-balance session="member-outside"></loyalty-balance>
      <loyalty-session id="member-outside" api-base=${SPOONITY} locale="en-CA"></loyalty-session>
    </div>`);
    (wrapper.querySelector('loyalty-session') as LoyaltySession).sessionKey = key;
    await until(() => text(wrapper.querySelector('loyalty-balance')!).includes('$15.00'));
  });

  it('finds a session="id" provider added to the page later', async () => {
    const key = await signIn(MEMBERS.seed);
    const wrapper = await fixture(html`<div><loyalty-balance session="member-late"></loyalty-balance></div>`);
    const balance = wrapper.querySelector('loyalty-balance')!;
    await balance.updateComplete;
    expect(text(balance)).to.contain('Sign in');
    const provider = document.createElement('loyalty-session');
    Object.assign(provider, { id: 'member-late', apiBase: SPOONITY, locale: 'en-CA' });
    provider.sessionKey = key;
    wrapper.append(provider);
    await until(() => text(balance).includes('$15.00'));
  });

  it('reaches children that upgraded before it, and keeps a key set before its upgrade', async () => {
    const key = await signIn(MEMBERS.seed);
    const tag = 'late-loyalty-session';
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<${tag} api-base="${SPOONITY}" locale="en-CA"><loyalty-balance></loyalty-balance></${tag}>`;
    const provider = wrapper.firstElementChild as LoyaltySession;
    provider.sessionKey = key; // an own property on a not-yet-upgraded element
    const balance = wrapper.querySelector('loyalty-balance') as LoyaltyBalance;
    await balance.updateComplete;
    customElements.define(tag, class extends LoyaltySession {});
    await until(() => text(balance).includes('$15.00'));
    expect(provider.sessionKey).to.equal(key);
  });

  it('signs in and out through the backend', async () => {
    const root = await fixture<LoyaltySession>(html`
      <loyalty-session api-base=${SPOONITY} vendor-id=${VENDOR} locale="en-CA"><loyalty-balance></loyalty-balance></loyalty-session>`);
    await root.state.signIn({ email: MEMBERS.seed, password: 'Password1' });
    expect(root.signedIn).to.equal(true);
    await until(() => text(root.querySelector('loyalty-balance')!).includes('$15.00'));
    await root.signOut();
    expect(root.signedIn).to.equal(false);
    expect(await requestLog({ path: '/user/logout' })).to.have.length(1);
  });

  it('takes its locale from the nearest lang when none is set', async () => {
    const wrapper = await fixture(html`<div lang="fr-CA"><loyalty-session></loyalty-session></div>`);
    expect((wrapper.firstElementChild as LoyaltySession).resolvedLocale).to.equal('fr-CA');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LoyaltySession } from '../../src/session/loyalty-session.js';
import { LoyaltySessionState } from '../../src/session/session.js';
import { BACKENDS, signInto } from '../helpers/backends.js';
import { rejection } from '../helpers/errors.js';
import { PASSWORD, clearLog, delay, requestLog, resetSandbox, until } from '../helpers/sandbox.js';

/** A Spaaza login answer for user 42, and every other call answered with an empty get-user. */
const fakeSpaaza =
  (seen: Headers[]): typeof fetch =>
  async (_input, init) => {
    seen.push(new Headers(init?.headers));
    const results = String(_input).endsWith('/auth/login')
      ? { session_info: { session_key: 'from-login', session_user_id: 42 } }
      : { user_info: { user_id: 1 } };
    return new Response(JSON.stringify({ result: { code: 1, status: 'ok' }, results }), { status: 200 });
  };

describe('session credentials (key and user id)', () => {
  it('adopts the user id sign-in returns, and goes back to the configured one for a key set from outside', async () => {
    const seen: Headers[] = [];
    const state = new LoyaltySessionState({
      backend: 'spaaza',
      apiBase: 'https://spaaza.test',
      appHostname: 'acme.spaaza.com',
      userId: '7',
      fetch: fakeSpaaza(seen),
    });
    state.sessionKey = 'outside';
    expect(state.userId).to.equal('7');
    await state.signIn({ email: 'a@b.c', password: 'x' });
    expect([state.sessionKey, state.userId]).to.deep.equal(['from-login', '42']);
    const generation = state.generation;
    state.sessionKey = 'from-login'; // the same key again: nothing changes
    expect([state.userId, state.generation]).to.deep.equal(['42', generation]);
    await state.backend.getProfile();
    expect(seen.at(-1)!.get('X-Spaaza-Session-User-Id')).to.equal('42');
    state.sessionKey = 'another';
    expect(state.userId).to.equal('7');
    await state.signOut();
    expect([state.sessionKey, state.userId]).to.deep.equal([undefined, '7']);
    expect(seen.at(-1)!.get('X-Spaaza-Session-Key'), 'the logout names the key it ends').to.equal('another');
  });
});

describe('switching members through signIn() (issue 16)', () => {
  beforeEach(resetSandbox);

  for (const b of BACKENDS) {
    const mount = async () => {
      const root = await fixture<LoyaltySession>(html`<loyalty-session
        backend=${b.backend}
        api-base=${b.apiBase}
        vendor-id=${b.vendorId}
        app-hostname=${b.appHostname}
        locale="en-CA"
        ><loyalty-balance></loyalty-balance
      ></loyalty-session>`);
      const previous = await signInto(root, b, b.members.seed);
      await until(() => root.state.cache.size > 0);
      await clearLog();
      return { root, previous };
    };

    it(`${b.name}: sends no key with the sign-in, ends the previous member's key and drops their data`, async () => {
      const { root, previous } = await mount();
      await root.state.signIn({ email: b.members.rich, password: PASSWORD });
      expect(root.sessionKey).not.to.equal(previous.sessionKey);
      const [auth] = await requestLog({ path: b.paths.signIn });
      expect(auth.member, 'the sign-in carried the previous member’s key').to.equal(null);
      expect(auth.query.session_key).to.equal(undefined);
      // the previous key is ended on the server, with that key (not the new one)
      await until(async () => (await requestLog({ path: b.paths.signOut })).length === 1);
      const [logout] = await requestLog({ path: b.paths.signOut });
      expect(logout.member).to.equal(b.members.seed);
      // nothing of the previous member stays: what is on screen is the new member's
      const balance = root.querySelector('loyalty-balance')!;
      await until(() => (balance.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').includes(b.rich.balanceText));
      expect((await requestLog()).every((r) => r.path.endsWith(b.paths.signOut) || r.member !== b.members.seed)).to.equal(true);
    });

    it(`${b.name}: a failed switch leaves the previous member signed in, and ends nothing`, async () => {
      const { root, previous } = await mount();
      const generation = root.state.generation;
      const error = await rejection(root.state.signIn({ email: b.members.rich, password: 'wrong-password' }));
      expect(error.kind).to.equal('auth');
      expect(root.signedIn).to.equal(true);
      expect(root.sessionKey).to.equal(previous.sessionKey);
      expect(root.state.generation).to.equal(generation);
      const [auth] = await requestLog({ path: b.paths.signIn });
      expect(auth.member).to.equal(null);
      await delay(200);
      expect(await requestLog({ path: b.paths.signOut })).to.deep.equal([]);
    });
  }
});

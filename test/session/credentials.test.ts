import { expect } from '@open-wc/testing';
import { LoyaltySessionState } from '../../src/session/session.js';

/** A Spaaza login answer for user 42, and every other call answered with an empty get-user. */
const fakeSpaaza = (seen: Headers[]): typeof fetch => async (_input, init) => {
  seen.push(new Headers(init?.headers));
  const results = String(_input).endsWith('/auth/login')
    ? { session_info: { session_key: 'from-login', session_user_id: 42 } }
    : { user_info: { user_id: 1 } };
  return new Response(JSON.stringify({ result: { code: 1, status: 'ok' }, results }), { status: 200 });
};

describe('session credentials (key and user id)', () => {
  it('adopts the user id sign-in returns, and goes back to the configured one for a key set from outside', async () => {
    const seen: Headers[] = [];
    const state = new LoyaltySessionState({ backend: 'spaaza', apiBase: 'https://spaaza.test', appHostname: 'acme.spaaza.com', userId: '7', fetch: fakeSpaaza(seen) });
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

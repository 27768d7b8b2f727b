import { expect } from '@open-wc/testing';
import { SPAAZA_API_VERSION, createSpaazaBackend } from '../../../../src/api/adapters/spaaza/index.js';
import type { BackendConfig, LoyaltyBackend } from '../../../../src/api/backend.js';
import { SPAAZA, SPAAZA_APP, SPAAZA_SEED, spaazaSignIn, type Credentials } from '../../../helpers/backends.js';
import { PASSWORD, armFault, requestLog, resetSandbox, sentBodies } from '../../../helpers/sandbox.js';
import { SEED_GET_USER } from './seed-004.js';
import { rejection } from '../../../helpers/errors.js';

/** A Spaaza backend on the sandbox with these credentials (none: signed out). */
function backend(credentials?: Credentials, config: Partial<BackendConfig> = {}): LoyaltyBackend {
  return createSpaazaBackend({
    apiBase: SPAAZA,
    appHostname: SPAAZA_APP,
    vendorId: '1234',
    getSessionKey: () => credentials?.sessionKey,
    getUserId: () => credentials?.userId,
    retries: 0,
    ...config,
  });
}

/** A `fetch` answering every call with this status and JSON body. */
const answering =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('Spaaza adapter: over HTTP', () => {
  beforeEach(resetSandbox);

  it('signs in with a form body and returns the session key and the user id', async () => {
    const result = await backend().signIn({ email: SPAAZA_SEED, password: PASSWORD });
    expect(result.userId).to.equal('3935159');
    expect(result.sessionKey).to.match(/^[0-9a-f]{64}$/);
    expect(await sentBodies({ path: '/auth/login' })).to.deep.equal([{ username: SPAAZA_SEED, password: '***' }]);
  });

  it('turns a wrong password (code 5) into an `auth` error', async () => {
    const error = await rejection(backend().signIn({ email: SPAAZA_SEED, password: 'Wrong-1' }));
    expect(error).to.include({ kind: 'auth', code: 5, message: 'The password is wrong or the user does not exist.' });
    const code5on400 = backend(undefined, {
      fetch: answering(400, {
        result: { code: 2, status: 'error' },
        error: { code: 5, name: 'password_error_or_non_existent', description: 'Wachtwoord onjuist' },
      }),
    });
    expect(await rejection(code5on400.signIn({ email: 'a@b.c', password: 'x' }))).to.include({ kind: 'auth', status: 400, message: 'Wachtwoord onjuist' });
  });

  it('sends the session, app-hostname and pinned version headers on every call', async () => {
    const credentials = await spaazaSignIn(SPAAZA_SEED);
    const b = backend(credentials);
    await Promise.all([b.getProfile(), b.getVouchers(), b.getHistory('')]);
    const log = (await requestLog()).filter((r) => r.path !== '/auth/login');
    expect(log.map((r) => r.path).sort()).to.deep.equal(['/get-user-vouchers', '/internal/get-user', '/user-wallet-ledger', '/user-wallet-ledger']);
    for (const r of log)
      expect(r.headers).to.deep.equal({
        'x-spaaza-session-user-id': '3935159',
        'x-spaaza-session-key': '***',
        'x-spaaza-myprice-app-hostname': SPAAZA_APP,
        'x-spaaza-api-version': SPAAZA_API_VERSION,
      });
  });

  it('maps the seed member (seed 004, as the sandbox answers it) to profile, balances and member card', async () => {
    const b = backend(await spaazaSignIn(SPAAZA_SEED));
    expect(await b.getProfile()).to.deep.include({ id: '3935159', firstName: 'Josephine', lastName: 'Bloggs', email: SPAAZA_SEED });
    expect(await b.getBalances()).to.deep.equal({ storedValue: null, currencies: [{ id: 'points', name: 'Points', balance: 5, expiring: [] }] });
    expect(await b.getCards()).to.deep.equal([{ id: SEED_GET_USER.results.user_info.member_number, kind: 'first-party', number: '3935159', status: 'active' }]);
  });

  it('shares one get-user among the reads that need it, never across members', async () => {
    const [seed, rich] = await Promise.all([spaazaSignIn(SPAAZA_SEED), spaazaSignIn('rich@example.com')]);
    const a = backend(seed);
    let current: Credentials = seed;
    const switching = backend(undefined, { getSessionKey: () => current.sessionKey, getUserId: () => current.userId });
    await Promise.all([a.getProfile(), a.getBalances(), a.getCards(), a.getRewards()]);
    expect(await requestLog({ path: '/internal/get-user' })).to.have.length(1);
    const first = switching.getProfile();
    current = rich;
    const second = switching.getProfile();
    expect([(await first).firstName, (await second).firstName]).to.deep.equal(['Josephine', 'Rita']);
    expect(await requestLog({ path: '/internal/get-user' })).to.have.length(3);
  });

  it('aborts a shared get-user only when every read that shares it has gone, and never lets a later read join it', async () => {
    const seed = await spaazaSignIn(SPAAZA_SEED);
    const attempts: string[] = [];
    const counting: typeof fetch = (input, init) => {
      attempts.push(new URL(String(input)).pathname);
      return fetch(input, init);
    };
    const b = backend(seed, { fetch: counting });
    await armFault({ match: { path: '/internal/get-user' }, fault: 'latency=400', times: 1 });
    const one = new AbortController();
    const two = new AbortController();
    const profile = b.getProfile(one.signal);
    const balances = b.getBalances(two.signal);
    // one reader goes: the other still gets its answer from the same request
    one.abort();
    expect((await rejection(profile)).kind).to.equal('aborted');
    expect((await balances).currencies.length).to.be.greaterThan(0);
    expect(attempts.filter((p) => p.endsWith('/internal/get-user'))).to.have.length(1);

    // every reader goes (a reload, a member change): the request is aborted, and a read made
    // afterwards asks again instead of joining the doomed one
    await armFault({ match: { path: '/internal/get-user' }, fault: 'latency=2000', times: 1 });
    const three = new AbortController();
    const four = new AbortController();
    const doomed = [b.getProfile(three.signal), b.getCards(four.signal)];
    three.abort();
    four.abort();
    for (const p of doomed) expect((await rejection(p)).kind).to.equal('aborted');
    expect((await b.getProfile()).firstName).to.equal('Josephine');
    // its own request (the third the adapter made), not the aborted second one
    expect(attempts.filter((p) => p.endsWith('/internal/get-user'))).to.have.length(3);
  });

  it('shows Spaaza’s description when the app hostname is missing (code 269)', async () => {
    const error = await rejection(backend(undefined, { appHostname: undefined }).signIn({ email: SPAAZA_SEED, password: PASSWORD }));
    expect(error).to.include({ kind: 'http', status: 400, code: 269, message: 'The X-Spaaza-MyPrice-App-Hostname header is missing.' });
  });

  it('treats code 6 (no_valid_session) as an expired session, whatever the status', async () => {
    expect(await rejection(backend({ sessionKey: 'f'.repeat(64), userId: '3935159' }).getProfile())).to.include({ kind: 'auth', status: 401, code: 6 });
    const on200 = backend(
      { sessionKey: 'k', userId: '1' },
      { fetch: answering(200, { result: { code: 2, status: 'error' }, error: { code: 6, description: 'Log in again' } }) },
    );
    expect(await rejection(on200.getProfile())).to.include({ kind: 'auth', status: 200, message: 'Log in again' });
  });

  it('reads the error list of API versions before 1.4.0', async () => {
    const old = backend(
      { sessionKey: 'k', userId: '1' },
      {
        fetch: answering(400, {
          result: { code: 2, status: 'error' },
          errors: [{ code: 68, name: 'permission_denied_or_non_existent', description: 'Not yours' }],
        }),
      },
    );
    expect(await rejection(old.getProfile())).to.include({ kind: 'http', code: 68, message: 'Not yours' });
  });

  it('never retries an answer with a Spaaza error code, even on HTTP 500 (code 68); a bare 503 is retried', async () => {
    const credentials = await spaazaSignIn(SPAAZA_SEED);
    const b = backend(credentials, { retries: 2 });
    await armFault({ match: { path: '/internal/get-user' }, fault: 'status=500;body=spaaza-denied', times: 3 });
    const error = await rejection(b.getProfile());
    expect(error).to.include({ kind: 'http', status: 500, code: 68, message: 'Permission denied or the object does not exist' });
    expect(await requestLog({ path: '/internal/get-user' })).to.have.length(1);

    await resetSandbox();
    const again = backend(await spaazaSignIn(SPAAZA_SEED), { retries: 2 });
    await armFault({ match: { path: '/internal/get-user' }, fault: 'status=503', times: 1 });
    expect((await again.getProfile()).firstName).to.equal('Josephine');
    expect((await requestLog({ path: '/internal/get-user' })).map((r) => r.status)).to.deep.equal([503, 200]);
  });

  it('saves the profile with one PUT of a form body, never retried', async () => {
    const b = backend(await spaazaSignIn('rich@example.com'), { retries: 2 });
    await b.updateProfile({ lastName: 'Richer', contactConsent: 1 });
    expect(await sentBodies({ method: 'PUT', path: '/internal/alter-user' })).to.deep.equal([{ last_name: 'Richer', mailing_list_subscribed: 'true' }]);
    expect((await b.getProfile()).lastName).to.equal('Richer');
    await armFault({ match: { path: '/internal/alter-user' }, fault: 'status=503', times: 1 });
    await rejection(b.updateProfile({ lastName: 'Richest' }));
    expect(await requestLog({ method: 'PUT' })).to.have.length(2);
  });

  it('claims and unclaims a voucher by its key, and ignores Spaaza’s warnings', async () => {
    const b = backend(await spaazaSignIn('rich@example.com'));
    const [welcome] = await b.getVouchers();
    expect(welcome).to.deep.include({ name: '€5 welcome voucher' });
    await b.claimReward(welcome, true);
    expect((await b.getVouchers())[0].voucher!.claimed).to.equal(true);
    await b.claimReward(welcome, false);
    expect((await b.getVouchers())[0].voucher!.claimed).to.equal(false);
    expect((await requestLog({ method: 'PUT' })).map((r) => r.path)).to.deep.equal(['/claim-voucher', '/unclaim-voucher']);
    // an unknown voucher is a 200 with warning 183: nothing to report
    await b.claimReward({ ...welcome, id: 'no-such-key' }, true);
  });

  it('reads rewards: vouchers, then campaign progress (with the chain id), and the level', async () => {
    const b = backend(await spaazaSignIn('rich@example.com'));
    const list = await b.getRewards();
    expect(list.rewards.map((r) => r.name)).to.deep.equal([
      '€5 welcome voucher',
      '€2.50 thank-you',
      'Free coffee',
      'Free cinema ticket',
      '€15 voucher for 450 points',
      'Tote bag for 2000 points',
      'Coffee card: every 10th coffee free',
    ]);
    expect(list.tier!.current.name).to.equal('Silver');
    expect(list.page.next).to.equal(null);
    expect((await requestLog({ path: '/get-campaigns' }))[0].query).to.deep.equal({ chain_id: '1234' });
    const withoutChain = backend(await spaazaSignIn(SPAAZA_SEED), { vendorId: undefined });
    expect((await withoutChain.getRewards()).rewards).to.deep.equal([]);
  });

  it('signs out with the key and user id it is given, and deletes in one step', async () => {
    const credentials = await spaazaSignIn(SPAAZA_SEED);
    await backend().signOut(credentials);
    const [logout] = await requestLog({ path: '/auth/logout' });
    expect(logout).to.deep.include({ method: 'DELETE', status: 200 });
    expect(logout.headers).to.deep.include({ 'x-spaaza-session-user-id': '3935159', 'x-spaaza-session-key': '***' });

    const b = backend(await spaazaSignIn(SPAAZA_SEED));
    await b.deleteAccount('3935159');
    const [deletion] = await requestLog({ path: '/delete-user' });
    expect(deletion).to.deep.include({ method: 'DELETE', status: 200, body: {} });
    expect(await spaazaSignIn(SPAAZA_SEED).catch((e: Error) => e.message)).to.contain('HTTP 401');
  });

  it('rejects what Spaaza cannot do as `unsupported`, without a request', async () => {
    const b = backend(await spaazaSignIn(SPAAZA_SEED));
    const card = { id: '1', kind: 'first-party' as const, number: '3935159', status: 'active' as const };
    const calls = [
      b.linkCard({ kind: 'first-party', number: '4242424242424242', pin: '1' }),
      b.reportCardLost(card),
      b.reportCardFound(card),
      b.removeCard(card),
      b.requestCheckinToken(),
      b.requestAccountDeletion('1'),
      b.confirmAccountDeletion('code', '1'),
    ];
    for (const call of calls) expect((await rejection(call)).kind).to.equal('unsupported');
    expect((await requestLog()).filter((r) => r.path !== '/auth/login')).to.deep.equal([]);
    for (const c of ['cards', 'card-status', 'checkin-token', 'stored-value', 'expiring-balances', 'account-deletion-code'] as const)
      expect(b.capabilities.has(c), c).to.equal(false);
  });
});

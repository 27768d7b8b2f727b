import { expect } from '@open-wc/testing';
import { SPAAZA, SPAAZA_APP, SPAAZA_SEED, spaazaSignIn, type Credentials } from '../helpers/backends.js';
import { PASSWORD, SANDBOX, armFault, requestLog, resetSandbox } from '../helpers/sandbox.js';
import { SEED_GET_USER } from '../api/adapters/spaaza/seed-004.js';

interface Reply {
  status: number;
  json: any;
}

/** One request to the sandbox's Spaaza API: the app-hostname header unless `app` is null, the session's headers, a form body. */
async function call(
  method: string,
  path: string,
  { session, body, app = SPAAZA_APP }: { session?: Credentials; body?: Record<string, string>; app?: string | null } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (app !== null) headers['X-Spaaza-MyPrice-App-Hostname'] = app;
  if (session) {
    headers['X-Spaaza-Session-Key'] = session.sessionKey;
    headers['X-Spaaza-Session-User-Id'] = session.userId!;
  }
  const res = await fetch(`${SPAAZA}${path}`, { method, headers, body: body && new URLSearchParams(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

const spaazaError = (code: number | undefined, name: string, description: string) => ({
  result: { code: 2, status: 'error' },
  error: { ...(code === undefined ? {} : { code }), name, description },
});

describe('sandbox: Spaaza', () => {
  beforeEach(resetSandbox);

  it('answers get-user for the seed member with seed 004, verbatim', async () => {
    const session = await spaazaSignIn(SPAAZA_SEED);
    const { status, json } = await call('GET', '/internal/get-user', { session });
    expect(status).to.equal(200);
    expect(json).to.deep.equal(SEED_GET_USER);
  });

  it('wants the app-hostname header: a missing or unknown one is error 269', async () => {
    const session = await spaazaSignIn(SPAAZA_SEED);
    expect(await call('GET', '/internal/get-user', { session, app: null })).to.deep.equal({
      status: 400,
      json: spaazaError(269, 'no_myprice_app', 'The X-Spaaza-MyPrice-App-Hostname header is missing.'),
    });
    expect((await call('POST', '/auth/login', { app: 'other.spaaza.com', body: { username: SPAAZA_SEED, password: PASSWORD } })).json.error.code).to.equal(269);
    // alter-user and logout do without it (reference §15 q3)
    expect((await call('PUT', '/internal/alter-user', { session, app: null, body: { first_name: 'Jo' } })).status).to.equal(200);
  });

  it('wants a session whose key and user id belong together: anything else is error 6', async () => {
    const [seed, rich] = await Promise.all([spaazaSignIn(SPAAZA_SEED), spaazaSignIn('rich@example.com')]);
    const mixed = { sessionKey: seed.sessionKey, userId: rich.userId };
    expect(await call('GET', '/get-user-vouchers', { session: mixed })).to.deep.equal({
      status: 401,
      json: spaazaError(6, 'no_valid_session', 'You are not logged in, or your session has expired.'),
    });
  });

  it('logs in with a form, ending the member’s other sessions as Spaaza does', async () => {
    const first = await spaazaSignIn(SPAAZA_SEED);
    const { json } = await call('POST', '/auth/login', { body: { username: SPAAZA_SEED, password: PASSWORD } });
    expect(json.results.result_type).to.equal('login');
    expect(json.results.session_info).to.deep.include({ session_user_id: 3935159, session_username: SPAAZA_SEED, session_key_validity: '336' });
    expect(json.results.user_info).to.deep.include({ member_number: '3935159', entity_code: { code: '3935159', type: 'regular' } });
    expect((await call('GET', '/internal/get-user', { session: first })).status).to.equal(401);
    expect((await call('POST', '/auth/login', { body: { username: SPAAZA_SEED, password: 'nope' } })).json).to.deep.equal(
      spaazaError(5, 'password_error_or_non_existent', 'The password is wrong or the user does not exist.'),
    );
  });

  it('lets a member change only the whitelisted fields, refusing others with error 68 and HTTP 500', async () => {
    const session = await spaazaSignIn('rich@example.com');
    const refused = await call('PUT', '/internal/alter-user', { session, body: { first_name: 'Rita', member_number: '1' } });
    expect(refused).to.deep.equal({
      status: 500,
      json: spaazaError(68, 'permission_denied_or_non_existent', 'Permission denied: member_number cannot be changed by the member.'),
    });
    const invalid = await call('PUT', '/internal/alter-user', { session, body: { birthday: '2999-01-01' } });
    expect(invalid).to.deep.equal({ status: 400, json: spaazaError(undefined, 'invalid_parameter', 'Invalid birthday: must be a past date as YYYY-MM-DD') });
    const saved = await call('PUT', '/internal/alter-user', {
      session,
      body: { last_name: 'Richer', mailing_list_subscribed: 'true', phone_number: '+31 6 1111 2222' },
    });
    expect(saved.json.results).to.deep.include({ result_type: 'alter-user' });
    expect(saved.json.results.user_info).to.deep.include({ first_name: 'Rita', last_name: 'Richer', phone_number: '+31611112222' });
    expect(saved.json.results.user_info.mailing_list.mailing_list_subscribed).to.equal(true);
  });

  it('returns every voucher, and claims only what the member may', async () => {
    const session = await spaazaSignIn('rich@example.com');
    const { json } = await call('GET', '/get-user-vouchers', { session });
    expect(json.results.basket_vouchers.map((v: { voucher_status: string }) => v.voucher_status)).to.deep.equal([
      'generated',
      'claimed',
      'claimed',
      'redeemed',
      'generated',
    ]);
    const cinema = json.results.honour_vouchers[0];
    expect(cinema).to.deep.include({ voucher_title: 'Free cinema ticket', voucher_honour_code: 'CINE-7781' });
    expect((await call('PUT', '/claim-voucher', { session, body: { voucher_key: cinema.voucher_key } })).status).to.equal(500);
    const welcome = json.results.basket_vouchers[0];
    const claimed = await call('POST', '/claim-voucher', { session, body: { voucher_key: welcome.voucher_key } });
    expect(claimed.json.results).to.deep.include({ voucher_status: 'claimed', result_type: 'claim-voucher', user_id: 4000002 });
    const unknown = await call('PUT', '/unclaim-voucher', { session, body: { voucher_key: 'nope' } });
    expect(unknown.status).to.equal(200);
    expect(unknown.json.warnings[0]).to.deep.include({ code: 183, name: 'voucher_not_found' });
  });

  it('answers campaigns for the chain only, and the ledger per wallet type', async () => {
    const session = await spaazaSignIn('rich@example.com');
    expect((await call('GET', '/get-campaigns', { session })).status).to.equal(400);
    expect((await call('GET', '/get-campaigns?chain_id=99', { session })).json.error.code).to.equal(68);
    const campaigns = (await call('GET', '/get-campaigns?chain_id=1234', { session })).json.results.campaigns;
    expect(campaigns.find((c: { type: string }) => c.type === 'loyalty').user_progress).to.deep.include({ name: 'Silver', points_to_proceed_next_level: 360 });
    const points = (await call('GET', '/user-wallet-ledger?type=points', { session })).json.results;
    const cashback = (await call('GET', '/user-wallet-ledger', { session })).json.results;
    expect([points.type, cashback.type]).to.deep.equal(['points_wallet', 'wallet']);
    expect(points.ledger.every((r: { currency_symbol: string }) => r.currency_symbol === 'pts')).to.equal(true);
    expect(cashback.ledger.every((r: { currency_symbol: string }) => r.currency_symbol === '€')).to.equal(true);
  });

  it('obfuscates a deleted member, ends their sessions, and keeps the record', async () => {
    const session = await spaazaSignIn(SPAAZA_SEED);
    const { json } = await call('DELETE', '/delete-user', { session });
    expect(json.results.result_type).to.equal('delete-user');
    expect(json.results.user_info).to.deep.include({
      first_name: 'Deleted',
      username: '3935159@deleted.spaaza.com',
      member_number: null,
      obfuscated: true,
      registered: false,
    });
    expect(json.results.user_info.entity_code).to.deep.equal({ code: '3935159', type: 'regular' });
    expect((await call('GET', '/internal/get-user', { session })).status).to.equal(401);
  });

  it('injects faults in Spaaza’s envelope, logs without session keys, and lists and patches its members', async () => {
    const session = await spaazaSignIn(SPAAZA_SEED);
    await armFault({ match: { path: '/internal/get-user', email: SPAAZA_SEED }, fault: 'status=401' });
    expect((await call('GET', '/internal/get-user', { session })).json).to.deep.equal(spaazaError(6, 'no_valid_session', 'Invalid session'));
    expect((await call('GET', '/get-user-vouchers', { session })).status, 'the fault ended the session').to.equal(401);
    await armFault({ match: { path: '/get-user-vouchers' }, fault: 'status=503' });
    expect((await call('GET', '/get-user-vouchers', { session })).json).to.deep.equal(spaazaError(undefined, 'sandbox_error', 'Sandbox fault: HTTP 503'));
    expect(JSON.stringify(await requestLog())).not.to.contain(session.sessionKey);

    const members = await (await fetch(`${SANDBOX}/__sandbox/members?backend=spaaza`)).json();
    expect(members.map((m: { email: string }) => m.email)).to.deep.equal([SPAAZA_SEED, 'rich@example.com', 'empty@example.com']);
    const patched = await fetch(`${SANDBOX}/__sandbox/members/rich%40example.com?backend=spaaza`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ points: 2000 }),
    });
    expect(patched.status).to.equal(200);
    const rich = await spaazaSignIn('rich@example.com');
    expect((await call('GET', '/internal/get-user', { session: rich })).json.results.user_info.points_wallet_total).to.equal(2000);
  });
});

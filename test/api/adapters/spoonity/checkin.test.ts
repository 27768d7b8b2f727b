import { expect } from '@open-wc/testing';
import { CHECKIN_TOKEN_REQUEST, createSpoonityBackend, readCheckinToken } from '../../../../src/api/adapters/spoonity/index.js';
import { LoyaltyError } from '../../../../src/api/errors.js';
import { MEMBERS, SPOONITY, armFault, requestLog, resetSandbox, signIn } from '../../../helpers/sandbox.js';

const catchError = async (p: Promise<unknown>) => (await p.catch((e: unknown) => e)) as LoyaltyError;

describe('Spoonity adapter: check-in token', () => {
  beforeEach(resetSandbox);

  it('reads the documented answer, with Unix-second dates', () => {
    const code = readCheckinToken({ token: '048213977105', barcode: 'aW1hZ2U=', created: 1700000000, expiry: 1700000300, updated: 1700000000 });
    expect(code).to.deep.equal({ token: '048213977105', created: new Date(1700000000000), expires: new Date(1700000300000), static: false });
  });

  it('accepts a numeric token, and no expiry (or the docs placeholder 0) as none', () => {
    expect(readCheckinToken({ token: 48213977105 }).token).to.equal('48213977105');
    expect(readCheckinToken({ token: 'x', created: 0, expiry: 0 })).to.deep.equal({ token: 'x', created: undefined, expires: undefined, static: false });
  });

  it('names the field when the token is missing or empty', () => {
    for (const body of [{}, { token: '  ' }, { token: null }]) {
      expect(() => readCheckinToken(body)).to.throw(LoyaltyError, /token/);
    }
    expect(() => readCheckinToken({ token: '1', expiry: 'soon' })).to.throw(LoyaltyError, /expiry is not a number/);
  });

  it('asks the sandbox for a token with the recommended body, once, even when it fails', async () => {
    const key = await signIn(MEMBERS.seed);
    const backend = createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key, retries: 2 });
    expect(backend.capabilities.has('checkin-token')).to.equal(true);
    const code = await backend.requestCheckinToken();
    expect(code.token).to.match(/^\d{12}$/);
    expect(code.expires!.getTime() - code.created!.getTime()).to.equal(300_000);
    await armFault({ match: { path: '/user/token/request' }, fault: 'status=503', times: 1 });
    expect((await catchError(backend.requestCheckinToken())).status).to.equal(503);
    const log = await requestLog({ path: '/user/token/request' });
    expect(log.map((r) => [r.method, r.status])).to.deep.equal([
      ['POST', 200],
      ['POST', 503],
    ]);
    expect(CHECKIN_TOKEN_REQUEST).to.deep.equal({ token_type: 2, style: 'QR CODE' });
  });

  it('lets a test choose the token lifetime with the sandbox `_ttl` (body or query)', async () => {
    const key = await signIn(MEMBERS.seed);
    const post = (query: string, body: object) =>
      fetch(`${SPOONITY}/user/token/request?session_key=${key}${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...CHECKIN_TOKEN_REQUEST, ...body }),
      });
    const fromBody = await (await post('', { _ttl: 2 })).json();
    expect(fromBody.expiry - fromBody.created).to.equal(2);
    const fromQuery = await (await post('&_ttl=0', {})).json();
    expect(fromQuery.expiry - fromQuery.created).to.equal(0);
    expect((await post('', { _ttl: -5 })).status).to.equal(400);
  });
});

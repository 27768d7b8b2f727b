import { expect } from '@open-wc/testing';
import { createClient, parseRetryAfter } from '../../src/api/client.js';
import { MEMBERS, SPOONITY, armFault, requestLog, resetSandbox, signIn } from '../helpers/sandbox.js';
import { rejection } from '../helpers/errors.js';

/** A client against the sandbox, signed in as the seed member, recording the waits it asks for. */
async function sandboxClient(options: Partial<Parameters<typeof createClient>[0]> = {}) {
  const key = await signIn(MEMBERS.seed);
  const waits: number[] = [];
  const client = createClient({
    baseUrl: SPOONITY,
    authorize: (url) => url.searchParams.set('session_key', key),
    secrets: () => [key],
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { client, waits, key };
}

/** A client whose server answers every request with `status` and `body`. */
function stubClient(status: number, body: string, headers: Record<string, string> = {}) {
  let calls = 0;
  const client = createClient({
    baseUrl: 'https://api.example.test',
    retries: 0,
    fetch: async () => {
      calls++;
      return new Response(body, { status, headers });
    },
  });
  return { client, calls: () => calls };
}

describe('fetch client (against the sandbox over HTTP)', () => {
  beforeEach(resetSandbox);

  it('retries a GET that gets 503 and waits as long as Retry-After says', async () => {
    const { client, waits } = await sandboxClient();
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'status=503;retry-after=2', times: 1 });
    const body = (await client.request('GET', '/user/quick-pay/balance')) as { amount: number };
    expect(body.amount).to.equal(15);
    expect(waits).to.deep.equal([2000]);
    expect(await requestLog({ path: '/user/quick-pay/balance' })).to.have.length(2);
  });

  it('honours Retry-After on 429 too, and gives up after two retries', async () => {
    const { client, waits } = await sandboxClient();
    await armFault({ match: { path: '/user/currency/balance' }, fault: 'status=429;retry-after=1', times: 0 });
    const error = await rejection(client.request('GET', '/user/currency/balance'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(429);
    expect(error.retryAfter).to.equal(1);
    expect(waits).to.deep.equal([1000, 1000]);
    expect(await requestLog({ path: '/user/currency/balance' })).to.have.length(3);
  });

  it('backs off exponentially with jitter when there is no Retry-After', async () => {
    const { client, waits } = await sandboxClient({ retryDelay: 100 });
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'status=502', times: 2 });
    await client.request('GET', '/user/quick-pay/balance');
    expect(waits).to.have.length(2);
    expect(waits[0]).to.be.within(0, 100);
    expect(waits[1]).to.be.within(0, 200);
  });

  it('does not retry a 4xx other than 408/429', async () => {
    const { client, waits } = await sandboxClient();
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'status=400', times: 0 });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.status).to.equal(400);
    expect(waits).to.deep.equal([]);
    expect(await requestLog({ path: '/user/quick-pay/balance' })).to.have.length(1);
  });

  for (const method of ['POST', 'PUT', 'DELETE'] as const) {
    it(`never retries a ${method}, even on 503 with Retry-After`, async () => {
      const { client, waits } = await sandboxClient();
      await armFault({ match: { method, path: '/user/card' }, fault: 'status=503;retry-after=1', times: 0 });
      const path = method === 'POST' ? '/user/card/add' : method === 'PUT' ? '/user/card/lost' : '/user/card';
      const error = await rejection(client.request(method, path, { body: { user_card: '1817015', number: '4111111111111111', pin: '1234' } }));
      expect(error.status).to.equal(503);
      expect(waits).to.deep.equal([]);
      expect(await requestLog({ method, path: '/user/card' })).to.have.length(1);
    });
  }

  it('gives up on a slow answer after the per-attempt timeout, as a timeout error', async () => {
    const { client } = await sandboxClient({ timeout: 150, retries: 0 });
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'latency=1500', times: 1 });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.match(/did not answer/);
  });

  it('retries a GET that timed out, and succeeds on the next attempt', async () => {
    const { client, waits } = await sandboxClient({ timeout: 150 });
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'latency=1500', times: 1 });
    const body = (await client.request('GET', '/user/quick-pay/balance')) as { amount: number };
    expect(body.amount).to.equal(15);
    expect(waits).to.have.length(1);
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    const { client, waits } = await sandboxClient();
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'latency=1500', times: 0 });
    const controller = new AbortController();
    const pending = client.request('GET', '/user/quick-pay/balance', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error.kind).to.equal('aborted');
    expect(waits).to.deep.equal([]);
  });

  it('turns a dropped connection into a network error', async () => {
    const { client } = await sandboxClient({ retries: 0 });
    // every attempt: a browser may itself retry a GET once on a dropped keep-alive connection (Firefox does)
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'drop=1', times: 0 });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.kind).to.equal('network');
    expect(error.message).to.match(/Could not reach/);
  });

  it('turns an HTML error page into a clear http error', async () => {
    const { client } = await sandboxClient({ retries: 0 });
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'status=502;body=html', times: 1 });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(502);
    expect(error.message).to.equal('The loyalty service is unavailable right now (HTTP 502). Please try again.');
  });

  it('turns malformed JSON into a validation error', async () => {
    const { client } = await sandboxClient({ retries: 0 });
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'body=malformed', times: 1 });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.kind).to.equal('validation');
    expect(error.message).to.match(/not valid JSON/);
  });

  it('reads HTTP 200 with success:false as an error with the server message', async () => {
    const { client } = await sandboxClient({ retries: 0 });
    await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'body=success-false', times: 1 });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(200);
    expect(error.message).to.equal('Sandbox fault: refused');
  });

  it('reads a 401 as an auth error with the platform message', async () => {
    const client = createClient({ baseUrl: SPOONITY, authorize: (url) => url.searchParams.set('session_key', 'not-a-key') });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.kind).to.equal('auth');
    expect(error.status).to.equal(401);
    expect(error.message).to.equal('Invalid session');
    expect(error.referenceId).to.be.a('string');
  });

  it('sends the session key as the session_key query parameter', async () => {
    const { client } = await sandboxClient();
    await client.request('GET', '/user/currency/balance');
    const [entry] = await requestLog({ path: '/user/currency/balance' });
    expect(entry.query.session_key).to.equal('***'); // present (the log masks it)
    expect(entry.member).to.equal(MEMBERS.seed);
  });
});

describe('error envelopes', () => {
  it('reads the Spoonity v2 envelope: message, code and reference id', async () => {
    const { client } = stubClient(
      400,
      JSON.stringify({
        error: { code: 0, reference_id: 'ref-9', more_info: 'x', errors: [{ reason: 'exception', message: 'Requested vendor is not valid' }] },
        object: 'error',
      }),
    );
    const error = await rejection(client.request('POST', '/user/authenticate', { body: {} }));
    expect(error).to.include({ kind: 'http', status: 400, message: 'Requested vendor is not valid', referenceId: 'ref-9', code: 0 });
  });

  it('prefers the item code of a v2 envelope (16902 = unverified account)', async () => {
    const { client } = stubClient(
      403,
      JSON.stringify({
        error: { code: 403, reference_id: null, errors: [{ reason: 'exception', message: 'Account needs verification', code: 16902 }] },
        object: 'error',
      }),
    );
    const error = await rejection(client.request('GET', '/user/reward/list'));
    expect(error).to.include({ kind: 'http', status: 403, code: 16902, message: 'Account needs verification' });
  });

  it('joins every message of a multi-error envelope', async () => {
    const { client } = stubClient(
      400,
      JSON.stringify({ error: { code: 1, errors: [{ message: 'Email is invalid.' }, { message: 'Phone is invalid.' }] }, object: 'error' }),
    );
    const error = await rejection(client.request('PUT', '/user/profile', { body: {} }));
    expect(error.messages).to.deep.equal(['Email is invalid.', 'Phone is invalid.']);
    expect(error.message).to.equal('Email is invalid. Phone is invalid.');
  });

  it('reads the older {internal_code, message} envelope', async () => {
    const { client } = stubClient(500, JSON.stringify({ internal_code: 'E-42', message: 'Upstream exploded' }));
    const error = await rejection(client.request('GET', '/x'));
    expect(error).to.include({ kind: 'http', status: 500, code: 'E-42', message: 'Upstream exploded' });
  });

  it('reads HTTP 200 with success:false', async () => {
    const { client } = stubClient(200, JSON.stringify({ success: false, message: 'Insufficient balance' }));
    const error = await rejection(client.request('POST', '/x', { body: {} }));
    expect(error).to.include({ kind: 'http', status: 200, message: 'Insufficient balance' });
  });

  it('reads the Spaaza envelope, and no_valid_session as auth', async () => {
    const denied = stubClient(
      200,
      JSON.stringify({ result: { status: 'error' }, error: { code: 6, name: 'no_valid_session', description: 'No valid session was found.' } }),
    );
    const error = await rejection(denied.client.request('GET', '/get-user'));
    expect(error).to.include({ kind: 'auth', code: 6, message: 'No valid session was found.' });

    const other = stubClient(
      400,
      JSON.stringify({ result: { status: 'error' }, error: { code: 54, name: 'voucher_not_claimable', description: 'This voucher cannot be claimed.' } }),
    );
    expect(await rejection(other.client.request('POST', '/claim-voucher', { body: {} }))).to.include({
      kind: 'http',
      code: 54,
      message: 'This voucher cannot be claimed.',
    });
  });

  it('turns an HTML body into an http error, never a crash', async () => {
    const { client } = stubClient(503, '<html><body><h1>503 Service Unavailable</h1></body></html>', { 'Content-Type': 'text/html' });
    const error = await rejection(client.request('GET', '/x'));
    expect(error).to.include({ kind: 'http', status: 503 });
    expect(error.message).not.to.contain('<');
  });

  it('falls back to a message for the status when the body says nothing', async () => {
    const { client } = stubClient(404, '');
    expect((await rejection(client.request('GET', '/x'))).message).to.equal('The loyalty service could not find what was asked for.');
  });

  it('never puts the session key in an error message', async () => {
    const key = 'sk_live_0123456789abcdef';
    const client = createClient({
      baseUrl: 'https://api.example.test',
      authorize: (url) => url.searchParams.set('session_key', key),
      secrets: () => [key],
      retries: 0,
      fetch: async (input) =>
        new Response(JSON.stringify({ error: { errors: [{ message: `Session ${key} expired (${String(input)})` }] }, object: 'error' }), { status: 401 }),
    });
    const error = await rejection(client.request('GET', '/user/profile'));
    expect(error.kind).to.equal('auth');
    expect(error.message).not.to.contain(key);
    expect(error.messages.join()).not.to.contain(key);
    expect(error.message).to.contain('[redacted]');
  });

  it('treats an empty 200 body of a write as success', async () => {
    const { client } = stubClient(200, '');
    expect(await client.request('PUT', '/user/profile', { body: { first_name: 'A' } })).to.equal(null);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    expect(parseRetryAfter(inFiveSeconds)).to.be.within(3000, 5000);
  });
});

describe('errors that are not the platform’s (issue 16)', () => {
  beforeEach(resetSandbox);

  it('wraps an unexpected error (a bug in authorize) into a LoyaltyError of kind unknown, with the original as cause', async () => {
    const bug = new TypeError('authorize exploded');
    const client = createClient({
      baseUrl: SPOONITY,
      secrets: () => ['a-secret-key'],
      authorize: () => {
        throw bug;
      },
    });
    const error = await rejection(client.request('GET', '/user/quick-pay/balance'));
    expect(error.kind).to.equal('unknown');
    expect(error.cause).to.equal(bug);
    expect(error.message).to.contain('authorize exploded');
    expect(error.message).not.to.match(/reading 'map'/);
    // not retried: nothing reached the server
    expect(await requestLog({ path: '/user/quick-pay/balance' })).to.have.length(0);
  });

  describe('without AbortSignal.any and AbortSignal.timeout (older Safari)', () => {
    const statics = AbortSignal as unknown as Record<'any' | 'timeout', unknown>;
    let saved: Partial<Record<'any' | 'timeout', unknown>> = {};
    beforeEach(() => {
      saved = { any: statics.any, timeout: statics.timeout };
      delete statics.any;
      delete statics.timeout;
    });
    afterEach(() => {
      Object.assign(statics, saved);
    });

    it('still answers, times out, and stops when the caller aborts', async () => {
      expect(AbortSignal).not.to.have.property('timeout');
      const { client } = await sandboxClient({ timeout: 150, retries: 0 });
      const body = (await client.request('GET', '/user/quick-pay/balance')) as { amount: number };
      expect(body.amount).to.equal(15);

      await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'latency=1500', times: 1 });
      expect((await rejection(client.request('GET', '/user/quick-pay/balance'))).kind).to.equal('timeout');

      const patient = (await sandboxClient({ retries: 0 })).client;
      await armFault({ match: { path: '/user/quick-pay/balance' }, fault: 'latency=1500', times: 1 });
      const controller = new AbortController();
      const pending = patient.request('GET', '/user/quick-pay/balance', { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      expect((await rejection(pending)).kind).to.equal('aborted');
    });
  });

  it('leaves no listener on the caller’s signal once a request has settled', async () => {
    const { client } = await sandboxClient({ retries: 0 });
    const controller = new AbortController();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, l: EventListenerOrEventListenerObject, o?: AddEventListenerOptions) => {
      added.push(l);
      add(type, l, o);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, l: EventListenerOrEventListenerObject, o?: EventListenerOptions) => {
      removed.push(l);
      remove(type, l, o);
    }) as typeof signal.removeEventListener;
    await client.request('GET', '/user/quick-pay/balance', { signal });
    expect(added).to.have.length.greaterThan(0);
    expect(removed).to.have.members(added);
  });
});

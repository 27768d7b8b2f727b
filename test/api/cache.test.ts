import { expect } from '@open-wc/testing';
import { QueryCache } from '../../src/api/cache.js';
import { createClient } from '../../src/api/client.js';
import { LoyaltyError } from '../../src/api/errors.js';
import { MEMBERS, SPOONITY, clearLog, requestLog, resetSandbox, signIn, until } from '../helpers/sandbox.js';

/** A loader whose calls can be counted and settled by hand. */
function deferredLoader<T>() {
  const calls: { resolve: (v: T) => void; reject: (e: unknown) => void; signal: AbortSignal }[] = [];
  const load = (signal: AbortSignal) => new Promise<T>((resolve, reject) => calls.push({ resolve, reject, signal }));
  return { load, calls };
}

describe('QueryCache', () => {
  it('shares one in-flight request between every caller of a key', async () => {
    const cache = new QueryCache();
    const { load, calls } = deferredLoader<number>();
    const results = Promise.all([cache.fetch('balances', [], load), cache.fetch('balances', [], load), cache.fetch('balances', [], load)]);
    expect(calls).to.have.length(1);
    calls[0].resolve(42);
    expect(await results).to.deep.equal([42, 42, 42]);
    expect(await cache.fetch('balances', [], load)).to.equal(42);
    expect(calls).to.have.length(1);
  });

  it('serves stale data at once and refreshes it in the background', async () => {
    const cache = new QueryCache({ staleTime: 0 });
    const { load, calls } = deferredLoader<string>();
    const first = cache.fetch('k', [], load);
    calls[0].resolve('old');
    await first;
    let heard = 0;
    cache.subscribe('k', () => heard++);
    expect(await cache.fetch('k', [], load)).to.equal('old');
    expect(calls).to.have.length(2);
    expect(cache.isFetching('k')).to.equal(true);
    calls[1].resolve('new');
    await until(() => heard === 1);
    expect(cache.peek('k')).to.equal('new');
  });

  it('keeps the stale data when a background refresh fails', async () => {
    const errors: unknown[] = [];
    const cache = new QueryCache({ staleTime: 0, onError: (e) => errors.push(e) });
    const { load, calls } = deferredLoader<string>();
    const first = cache.fetch('k', [], load);
    calls[0].resolve('kept');
    await first;
    await cache.fetch('k', [], load);
    calls[1].reject(new LoyaltyError('network', 'offline'));
    await until(() => errors.length === 1);
    expect(cache.peek('k')).to.equal('kept');
  });

  it('refreshes only the watched entries a tag names', async () => {
    const cache = new QueryCache();
    const a = deferredLoader<number>();
    const b = deferredLoader<number>();
    const pa = cache.fetch('balances', ['balances'], a.load);
    const pb = cache.fetch('profile', ['profile'], b.load);
    a.calls[0].resolve(1);
    b.calls[0].resolve(1);
    await Promise.all([pa, pb]);
    cache.subscribe('balances', () => {});
    cache.subscribe('profile', () => {});
    cache.invalidate(['balances']);
    expect(a.calls).to.have.length(2);
    expect(b.calls).to.have.length(1);
  });

  it('marks an unwatched entry stale without fetching, and refetches it on the next read', async () => {
    const cache = new QueryCache();
    const a = deferredLoader<number>();
    const p = cache.fetch('rewards', ['rewards'], a.load);
    a.calls[0].resolve(1);
    await p;
    cache.invalidate(['rewards']);
    expect(a.calls).to.have.length(1);
    expect(await cache.fetch('rewards', ['rewards'], a.load)).to.equal(1); // stale value at once…
    expect(a.calls).to.have.length(2); // …and a refresh
  });

  it('after clear(), drops the data and discards a response that arrives late', async () => {
    const cache = new QueryCache();
    const { load, calls } = deferredLoader<string>();
    const before = cache.fetch('balances', [], load);
    cache.clear();
    expect(calls[0].signal.aborted).to.equal(true);
    calls[0].resolve('previous member');
    await before.catch(() => undefined);
    expect(cache.peek('balances')).to.equal(undefined);
    expect(cache.size).to.equal(0);
  });

  it('lets one caller abort without cancelling the request the others share', async () => {
    const cache = new QueryCache();
    const { load, calls } = deferredLoader<number>();
    const controller = new AbortController();
    const leaving = cache.fetch('k', [], load, { signal: controller.signal });
    const staying = cache.fetch('k', [], load);
    controller.abort();
    const error = await leaving.catch((e: unknown) => e);
    expect(error).to.be.instanceOf(LoyaltyError);
    expect((error as LoyaltyError).kind).to.equal('aborted');
    expect(calls[0].signal.aborted).to.equal(false);
    calls[0].resolve(7);
    expect(await staying).to.equal(7);
  });

  it('reports failures to onError, but not cancellations caused by clear()', async () => {
    const errors: unknown[] = [];
    const cache = new QueryCache({ onError: (e) => errors.push(e) });
    const { load, calls } = deferredLoader<number>();
    const failing = cache.fetch('a', [], load).catch(() => undefined);
    calls[0].reject(new LoyaltyError('auth', 'expired'));
    await failing;
    const cleared = cache.fetch('b', [], load).catch(() => undefined);
    cache.clear();
    calls[1].reject(new LoyaltyError('aborted', 'cleared'));
    await cleared;
    expect(errors).to.have.length(1);
    expect((errors[0] as LoyaltyError).kind).to.equal('auth');
  });

  it('refetches after a mutation only what its tag invalidates (over HTTP)', async () => {
    await resetSandbox();
    const key = await signIn(MEMBERS.seed);
    const client = createClient({ baseUrl: SPOONITY, authorize: (url) => url.searchParams.set('session_key', key) });
    const cache = new QueryCache();
    const balances = (s: AbortSignal) => client.request('GET', '/user/quick-pay/balance', { signal: s });
    const profile = (s: AbortSignal) => client.request('GET', '/user/profile', { signal: s });
    await cache.fetch('balances', ['balances'], balances);
    await cache.fetch('profile', ['profile'], profile);
    cache.subscribe('balances', () => {});
    cache.subscribe('profile', () => {});
    await clearLog();
    await client.request('PUT', '/user/card/lost', { body: { user_card: '1817015' } });
    cache.invalidate(['balances']);
    await until(async () => (await requestLog({ path: '/user/quick-pay/balance' })).length === 1);
    expect(await requestLog({ path: '/user/profile' })).to.have.length(0);
  });
});

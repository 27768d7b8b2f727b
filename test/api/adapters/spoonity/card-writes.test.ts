import { expect } from '@open-wc/testing';
import { createSpoonityBackend } from '../../../../src/api/adapters/spoonity/index.js';
import { LoyaltyError } from '../../../../src/api/errors.js';
import type { Card } from '../../../../src/api/types.js';
import { MEMBERS, SPOONITY, armFault, requestLog, resetSandbox, signIn } from '../../../helpers/sandbox.js';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** A backend for `email` that records what it sends (the sandbox log has no bodies). */
async function backendFor(email: string, fake?: () => Response) {
  const key = await signIn(email);
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    sent.push({ method: init?.method ?? 'GET', path: url.pathname.replace(/^.*\/spoonity/, ''), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return fake ? fake() : globalThis.fetch(input, init);
  };
  return { backend: createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key, fetch }), sent };
}

const SEED: Card = { id: '1817015', kind: 'first-party', number: '9999016134385493', status: 'active' };
const writes = (sent: Sent[]) => sent.filter((s) => s.method !== 'GET');
const catchError = async (p: Promise<unknown>) => (await p.catch((e: unknown) => e)) as LoyaltyError;

describe('Spoonity adapter: card writes', () => {
  beforeEach(resetSandbox);

  it('links a first-party card with one POST of {number, pin} and reads the new link', async () => {
    const { backend, sent } = await backendFor(MEMBERS.empty);
    const card = await backend.linkCard({ kind: 'first-party', number: '4242424242424242', pin: '1234' });
    expect(writes(sent)).to.deep.equal([{ method: 'POST', path: '/user/card/add', body: { number: '4242424242424242', pin: '1234' } }]);
    expect(card).to.include({ kind: 'first-party', number: '4242424242424242', status: 'active' });
    expect(card.id).to.match(/^\d+$/);
    expect(JSON.stringify(card)).not.to.contain('1234');
    expect((await backend.getCards()).map((c) => c.number)).to.deep.equal(['4242424242424242']);
  });

  it('links a third-party card without a PIN under /user/card-3rdparty', async () => {
    const { backend, sent } = await backendFor(MEMBERS.empty);
    const card = await backend.linkCard({ kind: 'third-party', number: '4111111111111111' });
    expect(writes(sent)).to.deep.equal([{ method: 'POST', path: '/user/card-3rdparty/add', body: { number: '4111111111111111' } }]);
    expect(card.kind).to.equal('third-party');
  });

  it('accepts a link answer of {} or an empty body', async () => {
    for (const body of ['{}', '']) {
      const { backend } = await backendFor(MEMBERS.empty, () => new Response(body, { status: 200 }));
      expect(await backend.linkCard({ kind: 'first-party', number: '4242424242424242', pin: '1' })).to.deep.equal({
        id: '',
        kind: 'first-party',
        number: '4242424242424242',
        status: 'active',
      });
    }
  });

  it('passes the platform message on when a link is refused', async () => {
    const { backend } = await backendFor(MEMBERS.rich);
    const duplicate = await catchError(backend.linkCard({ kind: 'first-party', number: SEED.number, pin: '123' }));
    expect(duplicate).to.include({ kind: 'http', status: 409, message: 'Card is already linked' });
    const unknown = await catchError(backend.linkCard({ kind: 'first-party', number: '1234567890', pin: '1' }));
    expect(unknown).to.include({ status: 400, message: 'Card number is not recognized' });
  });

  it('reports a card lost and found with PUT {user_card}, tolerating the {} answer', async () => {
    const { backend, sent } = await backendFor(MEMBERS.seed);
    expect(await backend.reportCardLost(SEED)).to.deep.equal({ ...SEED, status: 'lost' });
    expect((await backend.getCards())[0].status).to.equal('lost');
    expect(await backend.reportCardFound(SEED)).to.deep.equal({ ...SEED, status: 'active' });
    expect((await backend.getCards())[0].status).to.equal('active');
    expect(writes(sent)).to.deep.equal([
      { method: 'PUT', path: '/user/card/lost', body: { user_card: '1817015' } },
      { method: 'PUT', path: '/user/card/found', body: { user_card: '1817015' } },
    ]);
  });

  it('removes a card with DELETE {user_card}', async () => {
    const { backend, sent } = await backendFor(MEMBERS.seed);
    await backend.removeCard(SEED);
    expect(writes(sent)).to.deep.equal([{ method: 'DELETE', path: '/user/card', body: { user_card: '1817015' } }]);
    expect(await backend.getCards()).to.deep.equal([]);
  });

  it('names third-party links user_card3rdparty on their own path', async () => {
    const { backend, sent } = await backendFor(MEMBERS.rich);
    const third = (await backend.getCards()).find((c) => c.kind === 'third-party')!;
    await backend.reportCardLost(third);
    await backend.removeCard(third);
    expect(writes(sent)).to.deep.equal([
      { method: 'PUT', path: '/user/card-3rdparty/lost', body: { user_card3rdparty: third.id } },
      { method: 'DELETE', path: '/user/card-3rdparty', body: { user_card3rdparty: third.id } },
    ]);
    expect((await backend.getCards()).some((c) => c.kind === 'third-party' && c.id === third.id)).to.equal(false);
  });

  it('never retries a write that failed with a 500', async () => {
    const { backend } = await backendFor(MEMBERS.seed);
    for (const [method, path, write] of [
      ['POST', '/user/card/add', () => backend.linkCard({ kind: 'first-party', number: '4242424242424242', pin: '1' })],
      ['PUT', '/user/card/lost', () => backend.reportCardLost(SEED)],
      ['DELETE', '/user/card', () => backend.removeCard(SEED)],
    ] as const) {
      await armFault({ match: { method, path }, fault: 'status=500', times: 1 });
      expect(await catchError(write())).to.include({ kind: 'http', status: 500 });
      expect(await requestLog({ method, path })).to.have.length(1);
    }
    expect((await backend.getCards()).map((c) => c.status)).to.deep.equal(['active']);
  });
});

import { expect } from '@open-wc/testing';
import { createSpoonityBackend, readCard, readCollection, readProfile } from '../../../../src/api/adapters/spoonity/index.js';
import { LoyaltyError } from '../../../../src/api/errors.js';
import { MEMBERS, SPOONITY, armFault, requestLog, resetSandbox, signIn } from '../../../helpers/sandbox.js';

/** seed 002's list item (its quoting errors fixed). */
const SEED_CARD = {
  object: 'user_card',
  id: '1817015',
  created: 1559584453,
  updated: 1559584453,
  status: { id: 1, name: 'Active', object: 'status' },
  user: {},
  card: { number: '9999016134385493', pin: '123', created: 1559520000, updated: 1559520000, status: { id: 1, name: 'Active', object: 'status' }, type: {} },
};

const catchError = async (p: Promise<unknown>) => (await p.catch((e: unknown) => e)) as LoyaltyError;

describe('Spoonity adapter: profile and cards', () => {
  it('reads the seed card, leaving the PIN out of the model', () => {
    const card = readCard(SEED_CARD, 'card', 'first-party');
    expect(card).to.deep.equal({ id: '1817015', kind: 'first-party', number: '9999016134385493', status: 'active', linked: new Date(1559584453000) });
    expect(JSON.stringify(card)).not.to.contain('"123"');
  });

  it('reads an Inactive link as lost', () => {
    const lost = { ...SEED_CARD, status: { id: 2, name: 'Inactive', object: 'status' } };
    expect(readCard(lost, 'card', 'first-party').status).to.equal('lost');
  });

  it('reads a profile with core fields under user or at the root', () => {
    const nested = readProfile({ user: { id: 7, first_name: 'A', last_name: 'B', email_address: 'a@b.c', birthdate: 0 }, contact_consent: 3, metadata: [] });
    const flat = readProfile({ id: 7, first_name: 'A', last_name: 'B', email_address: 'a@b.c', birthdate: 0, contact_consent: 3 });
    expect(nested).to.deep.equal(flat);
    expect(nested).to.include({ id: '7', firstName: 'A', contactConsent: 3 });
  });

  it('reads metadata fields with the id an update needs', () => {
    const p = readProfile({ user: { id: 1 }, metadata: [{ user_metadata_id: 6001, user_metadataField_id: 17, field: 'Gender', value: 'F' }] });
    expect(p.metadata).to.deep.equal([{ id: '6001', fieldId: '17', label: 'Gender', value: 'F' }]);
  });

  it('names the field of a malformed profile', async () => {
    expect(() => readProfile({ user: { first_name: 'no id' } })).to.throw(LoyaltyError, 'user.id');
  });

  it('decides "more pages" from what came back, not from total_pages', () => {
    const item = (v: unknown) => v as number;
    // the docs' own example: total_pages 0 beside a next URL, and a full page
    expect(readCollection({ data: [1, 2], total_pages: 0, next_page_url: 'https://x/?page=2' }, 'x', item, { page: 1, limit: 2 }).page.next).to.equal('2');
    // a next URL but a short page: the end
    expect(readCollection({ data: [1], next_page_url: 'https://x/?page=2' }, 'x', item, { page: 1, limit: 2 }).page.next).to.equal(null);
    // no next URL: the end
    expect(readCollection({ data: [1, 2], next_page_url: null }, 'x', item, { page: 3, limit: 2 }).page.next).to.equal(null);
  });
});

describe('Spoonity adapter: profile and cards against the sandbox', () => {
  beforeEach(resetSandbox);

  it('lists both kinds of cards of the rich member', async () => {
    const key = await signIn(MEMBERS.rich);
    const cards = await createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key }).getCards();
    expect(cards.filter((c) => c.kind === 'first-party').length).to.be.greaterThan(0);
    expect(cards.filter((c) => c.kind === 'third-party').length).to.be.greaterThan(0);
    expect(cards.some((c) => c.status === 'lost')).to.equal(true);
    expect(await requestLog({ path: '/user/card-3rdparty/list' })).to.have.length(1);
  });

  it('reads the seed member profile', async () => {
    const key = await signIn(MEMBERS.seed);
    const profile = await createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key }).getProfile();
    expect(profile.email).to.equal(MEMBERS.seed);
    expect(profile.id).to.match(/^\d+$/);
  });

  it('turns a card list of the wrong shape into a validation error', async () => {
    const key = await signIn(MEMBERS.seed);
    await armFault({ match: { path: '/user/card/list' }, fault: 'body=wrong-shape', times: 1 });
    const error = await catchError(createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key }).getCards());
    expect(error).to.include({ kind: 'validation', field: 'first-party cards.data' });
  });
});

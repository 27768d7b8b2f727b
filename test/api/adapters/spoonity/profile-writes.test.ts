import { expect } from '@open-wc/testing';
import { createSpoonityBackend, phoneOnWire, profileBody } from '../../../../src/api/adapters/spoonity/index.js';
import { LoyaltyError } from '../../../../src/api/errors.js';
import { MEMBERS, PASSWORD, SPOONITY, VENDOR, deletionCode, requestLog, resetSandbox, sentBodies, signIn } from '../../../helpers/sandbox.js';

const catchError = async (p: Promise<unknown>) => (await p.catch((e: unknown) => e)) as LoyaltyError;

async function backendFor(email: string) {
  const key = await signIn(email);
  return createSpoonityBackend({ apiBase: SPOONITY, vendorId: VENDOR, getSessionKey: () => key });
}

describe('Spoonity adapter: profile writes and account deletion', () => {
  it('puts only the given fields in the body, under their API names', () => {
    expect(profileBody({ lastName: 'Seedling' })).to.deep.equal({ last_name: 'Seedling' });
    expect(
      profileBody({
        firstName: 'Sam',
        email: 'sam@example.com',
        birthdate: new Date('1990-01-01'),
        language: '3',
        contactConsent: 0,
        metadata: [{ id: '5002', value: 'Flat white' }],
      }),
    ).to.deep.equal({
      first_name: 'Sam',
      email_address: 'sam@example.com',
      birthdate: 631152000,
      language: 3,
      contact_consent: 0,
      metadata: [{ user_metadata_id: 5002, value: 'Flat white' }],
    });
  });

  it('sends current_password only when it is given', () => {
    expect(profileBody({ firstName: 'A' })).not.to.have.property('current_password');
    expect(profileBody({ firstName: 'A', currentPassword: 'x' })).to.include({ current_password: 'x' });
  });

  it('writes the phone as { code, number }, splitting "+<code> <rest>" only', () => {
    expect(phoneOnWire('+593 99 123 4567')).to.deep.equal({ code: '593', number: '991234567' });
    expect(phoneOnWire('15555550100')).to.deep.equal({ code: '', number: '15555550100' });
    expect(phoneOnWire('')).to.deep.equal({ code: '', number: '' });
  });
});

describe('Spoonity adapter: profile writes and account deletion against the sandbox', () => {
  beforeEach(resetSandbox);

  it('updates one field with PUT /user/profile (empty 200 body) and reads it back', async () => {
    const backend = await backendFor(MEMBERS.seed);
    await backend.updateProfile({ lastName: 'Seedling' });
    expect(await sentBodies({ method: 'PUT', path: '/user/profile' })).to.deep.equal([{ last_name: 'Seedling' }]);
    expect((await backend.getProfile()).lastName).to.equal('Seedling');
  });

  it('addresses a merchant field by its user_metadata_id', async () => {
    const backend = await backendFor(MEMBERS.seed);
    const drink = (await backend.getProfile()).metadata.find((m) => m.label === 'Favourite drink')!;
    await backend.updateProfile({ metadata: [{ id: drink.id, value: 'Flat white' }] });
    expect(await sentBodies({ method: 'PUT' })).to.deep.equal([{ metadata: [{ user_metadata_id: 5002, value: 'Flat white' }] }]);
    expect((await backend.getProfile()).metadata.find((m) => m.id === drink.id)!.value).to.equal('Flat white');
  });

  it('stores a phone and a birthdate in the platform’s form', async () => {
    const backend = await backendFor(MEMBERS.empty);
    await backend.updateProfile({ phone: '+1 416 555 0123', birthdate: new Date('1985-06-15') });
    const profile = await backend.getProfile();
    expect(profile.phone).to.equal('14165550123');
    expect(profile.birthdate!.toISOString()).to.equal('1985-06-15T00:00:00.000Z');
  });

  it('passes the platform’s validation message on, storing nothing', async () => {
    const backend = await backendFor(MEMBERS.seed);
    const error = await catchError(backend.updateProfile({ email: 'not-an-email' }));
    expect(error).to.include({ kind: 'http', status: 400 });
    expect(error.message).to.contain('email_address');
    expect((await backend.getProfile()).email).to.equal(MEMBERS.seed);
  });

  it('masks the current password in what the server logged', async () => {
    const backend = await backendFor(MEMBERS.seed);
    await backend.updateProfile({ firstName: 'Samuel', currentPassword: PASSWORD });
    expect(await sentBodies({ method: 'PUT' })).to.deep.equal([{ first_name: 'Samuel', current_password: '***' }]);
  });

  it('requests deletion with DELETE …/customers/{id}/submit, then deletes with the emailed code', async () => {
    const backend = await backendFor(MEMBERS.seed);
    const { id } = await backend.getProfile();
    await backend.requestAccountDeletion(id);
    expect((await requestLog({ path: '/submit' })).map((r) => [r.method, r.path, r.status])).to.deep.equal([
      ['DELETE', `/vendor/${VENDOR}/customers/${id}/submit`, 200],
    ]);
    await backend.confirmAccountDeletion(await deletionCode(MEMBERS.seed), id);
    expect(await sentBodies({ method: 'DELETE', path: `/vendor/${VENDOR}/customers` })).to.have.length(2);
    expect(await catchError(backend.getProfile())).to.include({ kind: 'auth', status: 401 });
  });

  it('deletes nothing with a wrong code', async () => {
    const backend = await backendFor(MEMBERS.seed);
    const { id } = await backend.getProfile();
    await backend.requestAccountDeletion(id);
    const error = await catchError(backend.confirmAccountDeletion('0'.repeat(32), id));
    expect(error).to.include({ kind: 'http', status: 400 });
    expect((await backend.getProfile()).id).to.equal(id);
  });

  it('needs the vendor id for deletion and sends nothing without it', async () => {
    const key = await signIn(MEMBERS.seed);
    const backend = createSpoonityBackend({ apiBase: SPOONITY, getSessionKey: () => key });
    expect(await catchError(backend.requestAccountDeletion('100001'))).to.include({ kind: 'validation' });
    expect(await requestLog({ path: '/submit' })).to.deep.equal([]);
  });
});

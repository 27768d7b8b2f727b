import { expect } from '@open-wc/testing';
import {
  alterUserBody,
  date,
  readBalances,
  readCampaignRewards,
  readLedger,
  readLogin,
  readMemberCard,
  readProfile,
  readTier,
  readVoucher,
  readVouchers,
  results,
} from '../../../../src/api/adapters/spaaza/index.js';
import { SEED_GET_USER } from './seed-004.js';
import { thrown } from '../../../helpers/errors.js';

type Obj = Record<string, unknown>;
const seedUser = (): Obj => structuredClone(SEED_GET_USER.results.user_info);

describe('Spaaza adapter: reading answers', () => {
  describe('the envelope and dates', () => {
    it('unwraps `results`, also from the one-element array some doc samples show', () => {
      expect(results(SEED_GET_USER)).to.equal(SEED_GET_USER.results);
      expect(results([SEED_GET_USER])).to.equal(SEED_GET_USER.results);
    });

    it('names the field when there is no `results` object', () => {
      expect(thrown(() => results({ result: { code: 1, status: 'ok' } }))).to.include({ kind: 'validation', field: 'results' });
      expect(thrown(() => results('ok'))).to.include({ kind: 'validation', field: 'response' });
    });

    it('reads the three date formats Spaaza uses', () => {
      expect(date('1981-07-21', 'd').toISOString()).to.equal('1981-07-21T00:00:00.000Z');
      expect(date('2024-01-31 15:15:43', 'd').toISOString(), 'UTC, no zone').to.equal('2024-01-31T15:15:43.000Z');
      expect(date('2024-01-31T15:15:43+01:00', 'd').toISOString()).to.equal('2024-01-31T14:15:43.000Z');
      expect(thrown(() => date('soon', 'user_info.birthday'))).to.include({ field: 'user_info.birthday' });
    });
  });

  describe('get-user (seed 004)', () => {
    it('maps the seed member to the profile', () => {
      expect(readProfile(seedUser())).to.deep.equal({
        id: '3935159',
        firstName: 'Josephine',
        lastName: 'Bloggs',
        email: 'somedude0.11073246009398896@spaaza.com',
        phone: '+31655222555',
        birthdate: new Date('1981-07-21T00:00:00Z'),
        language: undefined,
        contactConsent: 1,
        metadata: [],
      });
    });

    it('reads the mailing-list flag also when it is sent as a string', () => {
      const u = seedUser();
      u.mailing_list = { mailing_list_subscribed: 'false' };
      expect(readProfile(u).contactConsent).to.equal(0);
      u.mailing_list = { mailing_list_subscribed: 'true' };
      expect(readProfile(u).contactConsent).to.equal(1);
    });

    it('reads 5 points and no stored value; the RFM `monetary` score is never a balance', () => {
      expect(readBalances(seedUser())).to.deep.equal({ storedValue: null, currencies: [{ id: 'points', name: 'Points', balance: 5, expiring: [] }] });
    });

    it('lists cashback as money once the member has some', () => {
      const u = { ...seedUser(), total_cashback_balance: 12.5 };
      expect(readBalances(u).currencies[1]).to.deep.equal({ id: 'cashback', name: 'Cashback', balance: 12.5, expiring: [], money: '' });
    });

    it('falls back to the level programme’s points when the wallet total is missing', () => {
      const u = seedUser();
      delete u.points_wallet_total;
      expect(readBalances(u).currencies[0].balance).to.equal(5);
    });

    it('has no tier while the member has no level', () => {
      expect(readTier(seedUser())).to.equal(null);
    });

    it('reads a level, since when, and the points the next one still needs (not its name)', () => {
      const u = seedUser();
      u.loyalty_status = {
        loyalty_level_id: 2,
        name: 'Silver',
        description: 'Regulars',
        date_reached: '2024-03-01T00:00:00+00:00',
        points_balance_current: 251,
        points_to_proceed_next_level: 249,
      };
      expect(readTier(u)).to.deep.equal({
        current: { id: '2', name: 'Silver', since: new Date('2024-03-01T00:00:00Z'), description: 'Regulars' },
        next: { id: '', name: 'the next level', progress: 251, amount: 500 },
        count: 2,
      });
      u.loyalty_status = { loyalty_level_id: 3, points_balance_current: 900, points_to_proceed_next_level: null };
      expect(readTier(u)).to.deep.include({ next: undefined, count: 1 });
      expect(readTier(u)!.current.name).to.equal('Level 3');
    });

    it('makes the member number the one read-only card, with entity_code as fallback', () => {
      expect(readMemberCard(seedUser())).to.deep.equal([{ id: '3935159', kind: 'first-party', number: '3935159', status: 'active' }]);
      const u = { ...seedUser(), member_number: null, entity_code: { code: 'AB-1234', type: 'custom' } };
      expect(readMemberCard(u)[0].number).to.equal('AB-1234');
      expect(readMemberCard({ ...u, entity_code: null })).to.deep.equal([]);
    });

    it('names the field when get-user has the wrong shape', () => {
      expect(thrown(() => readBalances({ ...seedUser(), points_wallet_total: 'lots' }))).to.include({ field: 'user_info.points_wallet_total' });
      expect(thrown(() => readProfile({ ...seedUser(), user_id: null, id: null }))).to.include({ field: 'user_info.user_id' });
      expect(thrown(() => readProfile({ ...seedUser(), birthday: 19810721 }))).to.include({ field: 'user_info.birthday' });
      expect(thrown(() => readTier({ ...seedUser(), loyalty_status: 'gold' }))).to.include({ field: 'user_info.loyalty_status' });
    });
  });

  describe('login', () => {
    it('reads the session key and the user id', () => {
      const login = {
        session_info: { session_key: 'ab'.repeat(32), session_key_validity: '336', session_user_id: 123, session_expires_date: '2030-01-01 12:00:00' },
      };
      expect(readLogin(login)).to.deep.equal({ sessionKey: 'ab'.repeat(32), userId: '123' });
      expect(thrown(() => readLogin({ session_info: { session_user_id: 1 } }))).to.include({ field: 'session_info.session_key' });
    });
  });

  describe('vouchers', () => {
    const NOW = Date.parse('2030-01-01T00:00:00Z');
    const flat = {
      voucher_id: 1,
      voucher_key: 'k1',
      voucher_status: 'generated',
      voucher_type: 'basket',
      voucher_locked: false,
      voucher_title: '€5 voucher',
      voucher_text: '€5 off',
      voucher_description: null,
      voucher_amount: 5,
      voucher_currency_symbol: '€',
      voucher_expiry_datetime_utc: '2050-01-01 00:00:00',
      campaign_id: 136,
      campaign_type: 'signup',
      campaign_title: 'Welcome',
    };

    it('reads a voucher as a reward the member holds', () => {
      expect(readVoucher(flat, 'v', NOW)).to.deep.equal({
        id: 'k1',
        name: '€5 voucher',
        description: '',
        summary: '€5 off',
        cost: 0,
        currencyName: '',
        progress: 0,
        available: 1,
        expires: new Date('2050-01-01T00:00:00Z'),
        voucher: { claimed: false, claimable: true, code: undefined },
      });
    });

    it('accepts the nested campaign of 1.6.5 and honours its end-user claim flag', () => {
      const nested = {
        ...flat,
        voucher_title: null,
        campaign_id: undefined,
        campaign_title: undefined,
        campaign: { id: 9, title: 'Partner offer', allows_end_user_to_claim_voucher: false },
      };
      expect(readVoucher(nested, 'v', NOW)).to.deep.include({ name: 'Partner offer' });
      expect(readVoucher(nested, 'v', NOW)!.voucher).to.deep.equal({ claimed: false, claimable: false, code: undefined });
    });

    it('marks claimed, locked and honour vouchers', () => {
      expect(readVoucher({ ...flat, voucher_status: 'claimed' }, 'v', NOW)!.voucher!.claimed).to.equal(true);
      expect(readVoucher({ ...flat, voucher_locked: true }, 'v', NOW)!.voucher!.claimable).to.equal(false);
      expect(readVoucher({ ...flat, voucher_honour_code: 'CINE-1' }, 'v', NOW)!.voucher!.code).to.equal('CINE-1');
    });

    it('leaves out redeemed and expired vouchers, from every list', () => {
      const answer = {
        basket_vouchers: [flat, { ...flat, voucher_key: 'k2', voucher_status: 'redeemed' }],
        honour_vouchers: [
          { ...flat, voucher_key: 'k3', voucher_expiry_datetime_utc: '2029-12-31 23:59:59' },
          { ...flat, voucher_key: 'k4' },
        ],
        var_price_vouchers: [],
      };
      expect(readVouchers(answer, NOW).map((r) => r.id)).to.deep.equal(['k1', 'k4']);
      expect(readVouchers({}, NOW)).to.deep.equal([]);
    });

    it('names the field of a voucher of the wrong shape', () => {
      expect(thrown(() => readVouchers({ basket_vouchers: [{ ...flat, voucher_status: undefined }] }, NOW))).to.include({
        field: 'basket_vouchers[0].voucher_status',
      });
      expect(thrown(() => readVouchers({ honour_vouchers: {} }, NOW))).to.include({ field: 'honour_vouchers' });
    });
  });

  describe('campaigns', () => {
    const answer = {
      campaigns: [
        { id: 159, type: 'loyalty', title: 'Levels', user_progress: { loyalty_level_id: 2 } },
        { id: 157, type: 'points_wallet', title: 'Points', user_progress: { saved_amount: 600 } },
        { id: 2013, type: 'interaction', title: '€15 voucher for 450 points', description: 'Exchange', point_cost: 450, user_progress: { award_count: 0 } },
        { id: 2020, type: 'item_purchase_count', title: 'Coffee card', target_count: 10, user_progress: { award_count: 0, current_count: 7 } },
        { id: 2021, type: 'item_purchase_count', title: 'Tea card', target_count: 5, current_count: 6 },
        { id: 136, type: 'signup', title: 'Welcome' },
      ],
    };

    it('turns exchanges and stamp cards into rewards with progress; other campaigns are not rewards', () => {
      const rewards = readCampaignRewards(answer, 600);
      expect(rewards.map((r) => [r.id, r.name, r.cost, r.currencyName, r.progress, r.available])).to.deep.equal([
        ['campaign:2013', '€15 voucher for 450 points', 450, 'Points', 450, 1],
        ['campaign:2020', 'Coffee card', 10, 'stamps', 7, 0],
        ['campaign:2021', 'Tea card', 5, 'stamps', 5, 0],
      ]);
    });

    it('names the field of a campaign of the wrong shape', () => {
      expect(thrown(() => readCampaignRewards({ campaigns: [{ id: 1, type: 'interaction', point_cost: 'a lot', title: 'x' }] }, 0))).to.include({
        field: 'campaigns[0].point_cost',
      });
      expect(thrown(() => readCampaignRewards({}, 0))).to.include({ field: 'campaigns' });
    });
  });

  describe('wallet ledger', () => {
    const points = {
      type: 'points_wallet',
      ledger: [
        { date: '2025-06-01T12:00:00+00:00', amount: 12, currency_symbol: 'pts', contributing_campaign_title: 'Purchase', receipt_id: 7 },
        { date: '2025-05-01 10:00:00', amount: -450, currency_symbol: 'pts', contributing_campaign_title: '€15 voucher for 450 points', receipt_id: null },
        { date: '2025-04-01', amount: 3, currency_symbol: 'pts', contributing_campaign_title: 'Purchase', receipt_id: 7 },
      ],
    };
    const cashback = {
      type: 'wallet',
      ledger: [{ date: '2025-06-01T12:00:00+00:00', amount: 1.5, currency_symbol: '€', contributing_campaign_title: 'Cashback', receipt_id: 7 }],
    };

    it('makes one entry per receipt, points and cashback together, newest first', () => {
      const entries = readLedger([points, cashback]);
      expect(entries.map((t) => [t.id, t.date.toISOString(), t.description, t.points])).to.deep.equal([
        [
          'receipt:7',
          '2025-06-01T12:00:00.000Z',
          'Purchase',
          [
            { currency: 'pts', earned: 15, spent: 0 },
            { currency: '€', earned: 1.5, spent: 0, money: 'EUR' },
          ],
        ],
        ['points:1', '2025-05-01T10:00:00.000Z', '€15 voucher for 450 points', [{ currency: 'pts', earned: 0, spent: 450 }]],
      ]);
      expect(entries[0].rewardsUsed).to.deep.equal([]);
    });

    it('names the field of a ledger row of the wrong shape', () => {
      expect(thrown(() => readLedger([{ ledger: [{ date: 'yesterday', amount: 1 }] }]))).to.include({ field: 'ledger[0].date' });
      expect(thrown(() => readLedger([{ ledger: [{ date: '2025-01-01', amount: '+1 pt' }] }]))).to.include({ field: 'ledger[0].amount' });
      expect(thrown(() => readLedger([{ type: 'wallet' }]))).to.include({ field: 'ledger' });
    });
  });

  describe('alter-user', () => {
    it('sends only what changed, under Spaaza’s names', () => {
      expect(alterUserBody({ lastName: 'Seedling' })).to.deep.equal({ last_name: 'Seedling' });
      expect(
        alterUserBody({ firstName: 'Jo', phone: '+31 6 1234 5678', birthdate: new Date('1981-07-22T00:00:00Z'), language: 'nl', contactConsent: 0 }),
      ).to.deep.equal({ first_name: 'Jo', phone_number: '+31 6 1234 5678', birthday: '1981-07-22', language: 'nl', mailing_list_subscribed: 'false' });
      expect(alterUserBody({ contactConsent: 1 })).to.deep.equal({ mailing_list_subscribed: 'true' });
      expect(alterUserBody({ phone: '' }), 'clears the phone').to.deep.equal({ phone_number: '' });
    });

    it('never sends what a member may not change here: the e-mail, SMS consent, merchant fields, a password', () => {
      expect(thrown(() => alterUserBody({ email: 'new@example.com' }))).to.include({ kind: 'validation', field: 'email' });
      expect(thrown(() => alterUserBody({ contactConsent: 3 }))).to.include({ kind: 'validation', field: 'contactConsent' });
      expect(alterUserBody({ metadata: [{ id: '1', value: 'x' }], currentPassword: 'secret' })).to.deep.equal({});
    });
  });
});

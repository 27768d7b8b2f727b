import { expect } from '@open-wc/testing';
import { currencyCode } from '../../src/api/currency.js';
import { readWalletCurrency } from '../../src/api/adapters/spaaza/user.js';
import { formatMoney } from '../../src/internal/format.js';

describe('currencyCode: ISO 4217 from what platforms send', () => {
  it('maps codes and unambiguous symbols, tolerantly', () => {
    expect(['EUR', 'eur', ' €', '£', 'US$', 'CA$', 'zł'].map(currencyCode)).to.deep.equal(['EUR', 'EUR', 'EUR', 'GBP', 'USD', 'CAD', 'PLN']);
  });
  it('names none for units that are not money, ambiguous symbols and junk', () => {
    expect(['pts', 'PTS', 'PTN', '$', 'kr', '', 'Points', 12, null].map(currencyCode)).to.deep.equal(Array(9).fill(undefined));
  });
  it('reads the chain’s currency from its wallet campaign (Spaaza get-campaigns)', () => {
    const campaigns = [
      { id: 157, type: 'points_wallet', user_progress: { currency: { code: 'PTS', symbol: 'pts' } } },
      { id: 158, type: 'wallet', user_progress: { currency: { code: 'EUR', symbol: '€' } } },
    ];
    expect(readWalletCurrency({ campaigns })).to.equal('EUR');
    expect(readWalletCurrency({ campaigns: [{ type: 'wallet', user_progress: { currency: { symbol: '£' } } }] })).to.equal('GBP');
    expect(readWalletCurrency({ campaigns: [campaigns[0]] })).to.equal('');
  });
  it('formats money with the symbol where the locale puts it, and a sign on credits', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(formatMoney(1.8, 'EUR', 'en-CA', { signDisplay: 'always' })).to.equal('+€1.80');
    expect(plain(formatMoney(1.8, 'EUR', 'fr-FR', { signDisplay: 'always' }))).to.equal('+1,80 €');
    expect(formatMoney(12.5, 'EUR', 'en-CA')).to.equal('€12.50');
  });
});

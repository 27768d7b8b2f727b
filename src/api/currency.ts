/**
 * ISO 4217 codes from what platforms send: a code (`EUR`, `eur`) or a symbol (`€`, `US$`). A
 * symbol several currencies share (`$`, `kr`) names none, and neither does a unit that is not
 * money (`pts`, `PTN`): the caller then falls back (the element's `currency` attribute).
 */
const SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₺': 'TRY',
  '₽': 'RUB',
  '₪': 'ILS',
  '₱': 'PHP',
  '฿': 'THB',
  '₫': 'VND',
  '₴': 'UAH',
  zł: 'PLN',
  Kč: 'CZK',
  Ft: 'HUF',
  R$: 'BRL',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  MX$: 'MXN',
  'Fr.': 'CHF',
};

/** Codes this runtime knows (`Intl.supportedValuesOf`), or `undefined` where that is missing. */
let known: ReadonlySet<string> | undefined | null = null;
function knownCodes(): ReadonlySet<string> | undefined {
  if (known === null) {
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
    try {
      known = supported ? new Set(supported('currency')) : undefined;
    } catch {
      known = undefined;
    }
  }
  return known;
}

/** The ISO 4217 code `value` names, or `undefined` (unknown, ambiguous, or not money). */
export function currencyCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!v) return undefined;
  const symbol = SYMBOLS[v] ?? SYMBOLS[v.replace(/\s+/g, '')];
  if (symbol) return symbol;
  if (!/^[a-z]{3}$/i.test(v)) return undefined;
  const code = v.toUpperCase();
  // a three-letter unit such as PTS or PTN is not money: trust the runtime's list where it has one
  const codes = knownCodes();
  return !codes || codes.has(code) ? code : undefined;
}

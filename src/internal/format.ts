/** Cached `Intl` formatters (creating them is the slow part), tolerant of bad locale strings. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

function safeLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

export function formatMoney(amount: number, currency: string | undefined, locale: string | undefined): string {
  const l = safeLocale(locale);
  if (currency) {
    try {
      return cached(`m|${l}|${currency}`, () => new Intl.NumberFormat(l, { style: 'currency', currency })).format(amount);
    } catch {
      // an unknown currency code: fall through to a plain number plus the code
    }
  }
  const n = formatNumber(amount, l, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return currency ? `${n} ${currency}` : n;
}

export function formatNumber(value: number, locale: string | undefined, options: Intl.NumberFormatOptions = {}): string {
  const l = safeLocale(locale);
  return cached(`n|${l}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(l, options)).format(value);
}

export function formatDate(date: Date, locale: string | undefined, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const l = safeLocale(locale);
  return cached(`d|${l}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(l, options)).format(date);
}

/** Cached `Intl` formatters (creating them is the slow part), tolerant of bad locale strings. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
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

/**
 * Money in `currency` (an ISO 4217 code) the locale's way: `style: 'currency'`, so the symbol sits
 * where the language puts it ("€12.50" in en-CA, "12,50 €" in fr). Without a valid code, a plain
 * two-decimal figure (followed by what was given). `signDisplay: 'always'` for credits ("+€1.80").
 */
export function formatMoney(
  amount: number,
  currency: string | undefined,
  locale: string | undefined,
  options: { signDisplay?: 'auto' | 'always' | 'exceptZero' } = {},
): string {
  const l = safeLocale(locale);
  const sign = options.signDisplay ?? 'auto';
  if (currency) {
    try {
      return cached(`m|${l}|${currency}|${sign}`, () => new Intl.NumberFormat(l, { style: 'currency', currency, signDisplay: sign })).format(amount);
    } catch {
      // an unknown currency code: fall through to a plain number plus the code
    }
  }
  const n = formatNumber(amount, l, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: sign });
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

/** "in 3 days", "dans 10 secondes", "over 1 minuut": `value` units from now (negative: ago). */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit, locale: string | undefined): string {
  const l = safeLocale(locale);
  return cached(`r|${l}`, () => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })).format(value, unit);
}

/**
 * Creates the formatters a page in `locale` needs first — numbers, dates, relative times and money
 * (any currency: the first currency formatter of a locale loads the data they all share) — one per
 * task, so an answer that lands meanwhile is not held up. Building them is the slow part of a
 * first render (tens of ms for the first money figure); the session calls this while its first
 * requests are on the wire. What they format is unchanged: they are the ones later calls reuse.
 */
export function warmFormatters(locale: string | undefined, currencies: readonly string[] = ['USD']): void {
  const steps = [
    () => formatNumber(0, locale),
    ...currencies.map((c) => () => formatMoney(0, c, locale)),
    () => formatDate(new Date(0), locale),
    () => formatRelative(1, 'day', locale),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length) setTimeout(next, 0);
  };
  setTimeout(next, 0);
}

const DAY = 86_400_000;

/**
 * How far `date` is from `now` in words ("tomorrow", "in 3 days", "in 2 weeks"), for a date
 * within `withinDays`; `undefined` for one further away or past, where the date itself reads better.
 */
export function relativeDays(date: Date, locale: string | undefined, now = Date.now(), withinDays = 30): string | undefined {
  const startOfDay = (t: number) => new Date(new Date(t).toDateString()).getTime();
  const days = Math.round((startOfDay(date.getTime()) - startOfDay(now)) / DAY);
  if (!(days >= 0 && days <= withinDays)) return undefined;
  return days >= 14 && days % 7 === 0 ? formatRelative(days / 7, 'week', locale) : formatRelative(days, 'day', locale);
}

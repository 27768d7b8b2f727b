import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../locales/locale-codes.js';

/**
 * The kit's strings follow one page-wide language (lit-localize keeps one global catalogue): the
 * first connected `<loyalty-session>`'s locale, else the nearest `lang` of the first connected
 * element, else the browser's — mapped to the nearest language the kit speaks. Numbers, money and
 * dates keep each session's full tag (`fr-CA`), see `format.ts`.
 */

/** Message id → translation, as in the generated `src/locales/<locale>.ts` modules. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LoyaltyTranslations = Record<string, any>;

const builtIn: Record<string, () => Promise<{ templates: LoyaltyTranslations }>> = {
  fr: () => import('../locales/fr.js'),
  es: () => import('../locales/es.js'),
  nl: () => import('../locales/nl.js'),
};

/** A merchant's own strings, per locale: a language the kit lacks, or overrides of a built-in one. */
const added = new Map<string, LoyaltyTranslations>();

let runtime: ReturnType<typeof configureLocalization> | null | undefined;
let wanted: string = sourceLocale;
let settled: Promise<void> = Promise.resolve();

/** Every language the kit can show. */
export function loyaltyLocales(): string[] {
  return [sourceLocale, ...targetLocales, ...[...added.keys()].filter((l) => l !== sourceLocale && !(targetLocales as readonly string[]).includes(l))];
}

/**
 * A BCP 47 tag → the nearest language the kit speaks: `fr-CA` → `fr`, `es-MX` → `es`,
 * `nl-BE` → `nl`; anything else (or nothing, or garbage) → `en`. An exact match of a language a
 * merchant added (`pt-BR`) wins over its base language.
 */
export function nearestLocale(tag: string | null | undefined): string {
  let canonical: string | undefined;
  try {
    canonical = tag ? Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] : undefined;
  } catch {
    canonical = undefined;
  }
  if (!canonical) return sourceLocale;
  const known = new Map(loyaltyLocales().map((l) => [l.toLowerCase(), l]));
  const parts = canonical.toLowerCase().split('-');
  for (let n = parts.length; n > 0; n--) {
    const hit = known.get(parts.slice(0, n).join('-'));
    if (hit) return hit;
  }
  return sourceLocale;
}

/**
 * The `lang` that applies to `node`: its own or its nearest ancestor's, across shadow roots, else
 * the browser's language.
 */
export function nearestLang(node: Element): string {
  let el: Element | null = node;
  while (el) {
    const owner: Element | null = el.closest('[lang]');
    const lang = owner?.getAttribute('lang');
    if (lang) return lang;
    const root = (owner ?? el).getRootNode();
    el = root instanceof ShadowRoot ? root.host : null;
  }
  return navigator.language || sourceLocale;
}

/**
 * Adds a language to the kit, or replaces some of a built-in language's strings. `translations`
 * maps message ids to text (the ids and English sources are in the package's `xliff/*.xlf`; a
 * message with placeholders takes `str`-shaped entries as in `src/locales/*.ts`). Call it before
 * the first loyalty element is on the page: languages are fixed once the kit has started.
 */
export function addLoyaltyTranslations(locale: string, translations: LoyaltyTranslations): void {
  if (runtime !== undefined && !loyaltyLocales().includes(locale)) {
    console.warn(`loyalty-elements: addLoyaltyTranslations("${locale}") came after the kit started; call it before the first element is on the page.`);
    return;
  }
  added.set(locale, { ...added.get(locale), ...translations });
  if (locale === wanted) void reload();
}

/** The language the kit shows now (or is loading). */
export function loyaltyLocale(): string {
  return wanted;
}

/** Resolves once the language asked for last has loaded and every element re-rendered with it. */
export function loyaltyLocaleReady(): Promise<void> {
  return settled;
}

function start(): ReturnType<typeof configureLocalization> | null {
  if (runtime !== undefined) return runtime;
  try {
    runtime = configureLocalization({
      sourceLocale,
      targetLocales: loyaltyLocales().filter((l) => l !== sourceLocale),
      loadLocale: async (locale) => ({ templates: { ...(await builtIn[locale]?.())?.templates, ...added.get(locale) } }),
    });
  } catch {
    // the page configured @lit/localize itself: the kit's strings follow the page's catalogue
    console.warn('loyalty-elements: @lit/localize is already configured on this page; the kit cannot switch its language.');
    runtime = null;
  }
  return runtime;
}

function show(locale: string) {
  const rt = start();
  if (!rt || locale === wanted) return;
  wanted = locale;
  settled = rt.setLocale(locale).catch((e: unknown) => console.warn(`loyalty-elements: could not load the "${locale}" strings`, e));
}

/** Re-reads the current language's strings (after `addLoyaltyTranslations`). */
async function reload() {
  const rt = runtime;
  if (!rt || wanted === sourceLocale) return;
  const locale = wanted;
  await settled;
  await rt.setLocale(sourceLocale);
  await rt.setLocale(locale);
}

/** Something that says which language the page is in: a session (wins) or an element. */
export interface LocaleSource {
  readonly isSession: boolean;
  /** The BCP 47 tag this source asks for. */
  locale(): string;
  /** A `lang` attribute changed somewhere in the document: recompute what `locale()` returns. */
  langChanged?(): void;
}

const sources = new Set<LocaleSource>();
let observer: MutationObserver | undefined;

/** Registers a source while it is connected; returns the function that unregisters it. */
export function connectLocaleSource(source: LocaleSource): () => void {
  sources.add(source);
  observer ??= observeLang();
  updatePageLocale();
  return () => {
    sources.delete(source);
    updatePageLocale();
  };
}

/**
 * One observer for the whole page: a `lang` changed on <html> or any ancestor. Made apart from
 * `connectLocaleSource`, so that its callback does not close over (and keep alive for good) the
 * first source, and with it the first element or session ever connected.
 */
function observeLang(): MutationObserver {
  const mo = new MutationObserver(() => {
    for (const s of sources) s.langChanged?.();
    updatePageLocale();
  });
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  return mo;
}

/** Shows the kit in the page's language now (a source's locale changed, one came or went). */
export function updatePageLocale(): void {
  if (!sources.size) return;
  const first = [...sources].find((s) => s.isSession) ?? sources.values().next().value!;
  show(nearestLocale(first.locale()));
}

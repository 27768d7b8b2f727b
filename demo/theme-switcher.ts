// The demo's theme controls: a merchant theme (a stylesheet of demo/themes/ setting documented
// --loyalty-* tokens only) and the colour scheme (the `theme` attribute of the session and of the
// element outside it; the page's own chrome follows through `color-scheme`). Both are kept in the
// URL (`?merchant=coffee&scheme=dark`), so a link shows the same look.
const THEMES = ['coffee', 'fashion', 'grocery'] as const;
const SCHEMES = ['auto', 'light', 'dark'] as const;

const link = document.getElementById('merchant-theme') as HTMLLinkElement;
const params = new URLSearchParams(location.search);

function setMerchant(name: string) {
  const theme = THEMES.find((t) => t === name);
  if (theme) link.href = new URL(`./themes/${theme}.css`, import.meta.url).href;
  else link.removeAttribute('href');
  link.disabled = !theme;
  remember('merchant', theme ?? '');
}

function setScheme(value: string) {
  const scheme = SCHEMES.find((s) => s === value) ?? 'auto';
  // the session's elements follow it; the balance outside it takes its own
  for (const el of document.querySelectorAll('loyalty-session, [session="member"]')) el.setAttribute('theme', scheme);
  document.documentElement.style.colorScheme = scheme === 'auto' ? '' : scheme;
  remember('scheme', scheme === 'auto' ? '' : scheme);
}

function remember(key: string, value: string) {
  if (value) params.set(key, value);
  else params.delete(key);
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

/** Wires a radio group: the URL's choice checked and applied, then every change applied. */
function group(name: string, key: string, apply: (value: string) => void) {
  const radios = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`)];
  const initial = radios.find((r) => r.value === (params.get(key) ?? '')) ?? radios[0];
  initial.checked = true;
  apply(initial.value);
  for (const radio of radios) radio.addEventListener('change', () => radio.checked && apply(radio.value));
}

group('merchant-theme', 'merchant', setMerchant);
group('scheme', 'scheme', setScheme);

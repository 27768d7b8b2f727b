// The lab page's measurements, driven by bench/run.js through `window.lab`:
// - scale: mount one element with N synthesized items, time to rendered data (+ layout), DOM size;
// - encode: QR / Code 128 encoders from dist/internal, µs per token;
// - memory: mount/unmount every element in a session, many times (the heap is read over CDP).
// Sized data is synthesized here from the sandbox's real answers, through `<loyalty-session>`'s
// public `fetch` property: no element code and no sandbox code is involved in making it.
import { code128Path, encodeCode128 } from '/dist/internal/code128.js';
import { encodeQr, qrPath } from '/dist/internal/qr.js';

const API = '/sandbox/spoonity';
const stage = document.getElementById('stage');
const state = window.__benchState;

/** Answers of the real sandbox (rich member), recorded once: the templates of every synthesized answer. */
let recorded;

async function record(key) {
  const get = async (path, params = {}) => {
    const res = await fetch(`${API}${path}?${new URLSearchParams({ ...params, session_key: key })}`);
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const profile = await get('/user/profile');
  const token = await (
    await fetch(`${API}/user/token/request?session_key=${key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token_type: 2, style: 'QR CODE' }),
    })
  ).json();
  recorded = {
    profile,
    token,
    quickPay: await get('/user/quick-pay/balance'),
    currencies: await get('/user/currency/balance'),
    history: await get(`/vendor/1234/customers/${profile.user.id}/history`, { page: 1, limit: 10000 }),
    rewards: await get('/user/reward/list', { page: 1, limit: 1000 }),
    cards: await get('/user/card/list', { page: 1, limit: 50 }),
    cards3: await get('/user/card-3rdparty/list', { page: 1, limit: 50 }),
  };
  return { history: recorded.history.data.length, rewards: recorded.rewards.data.length, cards: recorded.cards.data.length + recorded.cards3.data.length };
}

/** One page holding every item: no next page, so no element pages further. */
const collection = (items, extra = {}) => ({
  ...extra,
  count: items.length,
  data: items,
  next_page_url: null,
  object: 'collection',
  page: 1,
  page_size: items.length,
  previous_page_url: null,
  total_pages: 1,
});

const cycle = (list, n, make) => Array.from({ length: n }, (_, i) => make(list[i % list.length], i));

/** JSON answers of N items, made from the recorded ones (ids and card numbers kept unique). */
const SIZED = {
  history: (n) => collection(cycle(recorded.history.data, n, (t, i) => (i < recorded.history.data.length ? t : { ...t, id: 10_000_000 + i }))),
  rewards: (n) =>
    collection(
      cycle(recorded.rewards.data, n, (r, i) => ({ ...r, id: i + 1, name: `${r.name} ${i + 1}` })),
      { balances: recorded.rewards.balances, tier: recorded.rewards.tier },
    ),
  cards: (n) =>
    collection(
      cycle(recorded.cards.data, n, (c, i) => ({
        ...c,
        id: String(4_000_000 + i),
        card: { ...c.card, number: String(9_999_016_200_000_000 + i) },
        status: i % 10 === 9 ? { id: 2, name: 'Inactive', object: 'status' } : { id: 1, name: 'Active', object: 'status' },
      })),
    ),
};

/**
 * A fetch for `<loyalty-session>.fetch` answering from memory: `bodies` maps a route (regexp on
 * the path after /spoonity) to the JSON text to answer. The check-in token is made fresh each time.
 */
function memoryFetch(bodies) {
  return async (input) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    const path = url.pathname.slice(url.pathname.indexOf('/spoonity') + '/spoonity'.length);
    if (path === '/user/token/request') {
      const now = Math.floor(Date.now() / 1000);
      return json(JSON.stringify({ ...recorded.token, created: now, expiry: now + 300, updated: now }));
    }
    for (const [pattern, body] of bodies) if (pattern.test(path)) return json(typeof body === 'function' ? body() : body);
    return json(JSON.stringify({ error: { code: 404, errors: [{ reason: 'exception', message: 'No route found' }] }, object: 'error' }), 404);
  };
}
const json = (text, status = 200) => new Response(text, { status, headers: { 'Content-Type': 'application/json' } });

/** Every route of the rich member, from the recording (history: its first page of 50). */
function recordedBodies(overrides = {}) {
  const r = recorded;
  const text = {
    profile: JSON.stringify(r.profile),
    quickPay: JSON.stringify(r.quickPay),
    currencies: JSON.stringify(r.currencies),
    history: JSON.stringify(collection(r.history.data.slice(0, 50))),
    rewards: JSON.stringify(collection(r.rewards.data.slice(0, 20), { balances: r.rewards.balances, tier: r.rewards.tier })),
    cards: JSON.stringify(r.cards),
    cards3: JSON.stringify(r.cards3),
    ...overrides,
  };
  return [
    [/^\/user\/profile$/, text.profile],
    [/^\/user\/quick-pay\/balance$/, text.quickPay],
    [/^\/user\/currency\/balance$/, text.currencies],
    [/\/history$/, text.history],
    [/^\/user\/reward\/list$/, text.rewards],
    [/^\/user\/card\/list$/, text.cards],
    [/^\/user\/card-3rdparty\/list$/, text.cards3],
  ];
}

function session(fetch, id) {
  const s = document.createElement('loyalty-session');
  if (id) s.id = id;
  s.setAttribute('api-base', API);
  s.setAttribute('vendor-id', '1234');
  s.setAttribute('locale', 'en-CA');
  s.fetch = fetch;
  s.sessionKey = 'bench-key';
  return s;
}

function element(tag, attrs = {}) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/** Resolves once `el` shows data (checked on every change of its shadow tree); rejects on an error or after 20 s. */
function whenReady(el, timeout = 20_000) {
  return new Promise((resolve, reject) => {
    let observer;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${el.localName}: no data after ${timeout} ms`));
    }, timeout);
    const check = () => {
      const s = state(el);
      if (!s) return;
      observer.disconnect();
      clearTimeout(timer);
      if (s === true) resolve();
      else reject(new Error(s));
    };
    observer = new MutationObserver(check);
    observer.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    check();
  });
}

async function settled(el) {
  while (!(await el.updateComplete));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// --- scale --------------------------------------------------------------------------------------

const SCALE = {
  history: { tag: 'transaction-history', attrs: { currency: 'CAD' }, route: 'history' },
  rewards: { tag: 'reward-progress', attrs: {}, route: 'rewards' },
  cards: { tag: 'card-wallet', attrs: { kinds: 'first-party third-party' }, route: 'cards' },
};

/**
 * Mounts the element in a new session whose fetch answers N items (time to rendered data: the
 * answer read, validated and mapped by the adapter, then rendered and laid out), then a second
 * one in the same session, which finds the data in the shared cache (render and layout only).
 */
async function mountSized(kind, n) {
  const { tag, attrs, route } = SCALE[kind];
  const body = JSON.stringify(SIZED[kind](n));
  const s = session(memoryFetch(recordedBodies({ [route]: body })));
  stage.append(s);
  const timeMount = async () => {
    const el = element(tag, attrs);
    const t0 = performance.now();
    s.append(el);
    await whenReady(el);
    await settled(el);
    void stage.offsetHeight; // style and layout of what was rendered
    return { el, ms: performance.now() - t0 };
  };
  const first = await timeMount();
  first.el.remove();
  const cached = await timeMount();
  const nodes = cached.el.shadowRoot.querySelectorAll('*').length;
  const scrollMs = kind === 'history' ? await scrollToMiddle(cached.el, n) : undefined;
  s.remove();
  return { ms: first.ms, cachedMs: cached.ms, nodes, scrollMs, bytes: body.length };
}

/** Scrolls the history to its middle; time until the rows there are in the DOM and laid out. */
async function scrollToMiddle(el, n) {
  const root = el.shadowRoot;
  const rows = () => root.querySelectorAll('[part~="row"]');
  if (rows().length >= n) return undefined; // everything is in the DOM: nothing to virtualize
  const base = root.querySelector('[part~="content"][tabindex]');
  const middle = Math.floor(n / 2);
  const t0 = performance.now();
  base.scrollTop = base.scrollHeight / 2 - base.clientHeight / 2;
  await new Promise((resolve, reject) => {
    const has = () => [...rows()].some((r) => Math.abs(Number(r.getAttribute('aria-posinset')) - middle) < 5);
    const observer = new MutationObserver(() => {
      if (has()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    setTimeout(() => {
      observer.disconnect();
      reject(new Error(`transaction-history: row ${middle} not rendered after scrolling`));
    }, 10_000);
  });
  void stage.offsetHeight;
  return performance.now() - t0;
}

async function scale(kind, sizes, runs) {
  await mountSized(kind, sizes[0]); // warm-up: styles adopted, code compiled
  const out = [];
  for (const n of sizes) {
    const rows = [];
    for (let i = 0; i < runs; i++) {
      rows.push(await mountSized(kind, n));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const pick = (k) => rows.map((r) => r[k]);
    out.push({
      n,
      ms: median(pick('ms')),
      min: Math.min(...pick('ms')),
      max: Math.max(...pick('ms')),
      cachedMs: median(pick('cachedMs')),
      cachedBest: Math.min(...pick('cachedMs')),
      nodes: rows[0].nodes,
      scrollMs: rows[0].scrollMs === undefined ? null : median(pick('scrollMs')),
      bytes: rows[0].bytes,
    });
  }
  return out;
}

// --- encode -------------------------------------------------------------------------------------

function timeOp(fn, minMs) {
  for (let i = 0; i < 50; i++) fn(); // warm-up
  const batches = [];
  for (let b = 0; b < 7; b++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs / 7) {
      for (let i = 0; i < 20; i++) fn();
      n += 20;
      t = performance.now();
    }
    batches.push(((t - t0) * 1000) / n);
  }
  // the best batch: on a shared machine every other batch only adds someone else's work
  return { usPerOp: Math.min(...batches), median: median(batches), max: Math.max(...batches) };
}

export const ENCODE_INPUTS = {
  'check-in token (12 digits)': '482913650174',
  'card number (16 digits)': '9999016134385493',
  'text (40 bytes)': 'https://example.com/member/7c1e0f3a9b2d',
};

function encode(minMs = 400) {
  let sink = 0;
  const rows = [];
  for (const [label, text] of Object.entries(ENCODE_INPUTS)) {
    const qr = encodeQr(text);
    const widths = encodeCode128(text);
    rows.push({
      input: label,
      qrSize: qr.size,
      qr: timeOp(() => (sink += encodeQr(text).size), minMs),
      qrDrawn: timeOp(() => (sink += qrPath(encodeQr(text), 4).length), minMs),
      code128: timeOp(() => (sink += encodeCode128(text).length), minMs),
      code128Drawn: timeOp(() => (sink += code128Path(encodeCode128(text), 80).length), minMs),
      code128Modules: widths.reduce((a, b) => a + b, 0),
    });
  }
  return { rows, sink };
}

// --- memory -------------------------------------------------------------------------------------

const FULL = [
  ['loyalty-balance', {}],
  ['reward-progress', { limit: '4' }],
  ['transaction-history', { currency: 'CAD' }],
  ['checkin-code', {}],
  ['card-wallet', { kinds: 'first-party third-party' }],
  ['loyalty-sign-in', {}],
  ['profile-form', {}],
  ['profile-form', { readonly: '', fields: 'first-name email contact-consent' }],
  ['account-deletion', {}],
];

/** Mounts every element (the full page: one session, plus a balance outside it by id), waits for data, unmounts. */
async function mountAll(fetch) {
  const s = session(fetch, 'bench-member');
  const els = FULL.map(([tag, attrs]) => element(tag, attrs));
  s.append(...els);
  const outside = element('loyalty-balance', { session: 'bench-member', show: 'points' });
  stage.append(s, outside);
  await Promise.all([...els, outside].map((el) => whenReady(el)));
  s.remove();
  outside.remove();
}

let fullFetch;
async function cycles(n) {
  fullFetch ??= memoryFetch(recordedBodies());
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await mountAll(fullFetch);
  return { ms: performance.now() - t0 };
}

window.lab = { record, scale, encode, cycles, ready: true };

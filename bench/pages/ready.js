// Time to data, measured in the page the same way for every variant (kit, naive, vanilla).
// A classic script in <head>: from the first frame it polls, once per animation frame, every
// element marked `data-bench` until each one shows data; then it stores the times (ms since
// navigation start, `performance.now()`) in `window.__bench`. A shown error ends the run.
(() => {
  /** What "shows data" means per element: a node that exists only once its data is rendered. */
  const MARKERS = {
    'loyalty-balance': '[part~="amount"]',
    'reward-progress': '[part~="reward"]',
    'transaction-history': '[part~="row"]',
    'checkin-code': '[part~="token"]',
    'card-wallet': '[part~="card"]',
    'loyalty-sign-in': '[part~="signed-in"] strong',
    'profile-form': '[part~="save"], [part~="value"]',
    'account-deletion': '[part~="delete"]',
  };

  /** true when `el` shows its data; a string (the message) when it shows an error; else false. */
  function state(el) {
    if (!el.localName.includes('-')) return el.hasAttribute('data-ready'); // the vanilla page's panels
    const root = el.shadowRoot;
    if (!root) return false;
    // (signed out is not an error: elements render it until the page hands them the key)
    const error = root.querySelector('[part~="error"]');
    if (error) return `${el.localName}: ${error.textContent.replace(/\s+/g, ' ').trim()}`;
    return !root.querySelector('[aria-busy="true"]') && !!root.querySelector(MARKERS[el.localName]);
  }

  /** Where the time went (ms since navigation start), from Navigation and Resource Timing. */
  function phases() {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const script = res.find((r) => r.name.includes('/dist/cdn/'));
    const api = res.filter((r) => r.name.includes('/spoonity/'));
    // the one dependent call: history needs the member id from the profile
    const history = api.find((r) => r.name.includes('/history'));
    const profileEnds = api.filter((r) => r.name.includes('/user/profile') && history && r.responseEnd <= history.startTime).map((r) => r.responseEnd);
    return {
      html: nav?.responseEnd,
      chainGap: history && profileEnds.length ? history.startTime - Math.max(...profileEnds) : undefined,
      domContentLoaded: nav?.domContentLoadedEventEnd,
      script: script?.responseEnd,
      kitReady: performance.getEntriesByName('bench:kit-ready')[0]?.startTime,
      firstRequest: api.length ? Math.min(...api.map((r) => r.startTime)) : undefined,
      lastResponse: api.length ? Math.max(...api.map((r) => r.responseEnd)) : undefined,
      requests: api.length,
    };
  }

  const seen = new Map();
  let parsed = false;
  document.addEventListener('DOMContentLoaded', () => (parsed = true));

  function poll() {
    const now = performance.now();
    const els = [...document.querySelectorAll('[data-bench]')];
    for (const el of els) {
      if (seen.has(el)) continue;
      const s = state(el);
      if (typeof s === 'string') {
        window.__bench = { error: s, t: now };
        document.documentElement.setAttribute('data-bench-done', '');
        return;
      }
      if (s) seen.set(el, now);
    }
    if (parsed && !els.length) return; // a page without measured elements (the lab page)
    if (parsed && seen.size === els.length) {
      window.__bench = {
        t: now,
        elements: els.map((el) => ({ name: el.dataset.bench, t: seen.get(el) })),
        visibility: document.visibilityState,
        phases: phases(),
      };
      document.documentElement.setAttribute('data-bench-done', '');
      return;
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);

  /** For the memory and scale runs: the same check, usable from other scripts. */
  window.__benchState = state;
})();

// Layout shift while the kit loads: every `layout-shift` entry without recent input (Chromium),
// summed as CLS, and each `[data-bench]` element's height per frame: before the kit defines it,
// in its first skeleton frame (`aria-busy`), and once it shows data (ready.js's `__benchState`).
(() => {
  const result = (window.__cls = { value: 0, shifts: [], heights: {} });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        result.value += e.value;
        result.shifts.push({ t: e.startTime, value: e.value, nodes: (e.sources || []).map((s) => (s.node && (s.node.localName || s.node.nodeName)) || '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    result.unsupported = true;
  }
  function frame() {
    for (const el of document.querySelectorAll('[data-bench]')) {
      const h = (result.heights[el.dataset.bench] ??= {});
      const height = el.getBoundingClientRect().height;
      if (!el.matches(':defined')) h.before ??= height;
      else if (el.shadowRoot?.querySelector('[aria-busy="true"]')) h.skeleton ??= height;
      else if (window.__benchState?.(el) === true) h.data = height;
      else h.other ??= height; // signed out, or an error
    }
    if (!document.documentElement.hasAttribute('data-bench-done')) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();

// @ts-check
/** Small statistics and formatting helpers for the benchmark's tables. */

/** The q-quantile (0…1) of numbers, linear between closest ranks. */
export function quantile(/** @type {number[]} */ values, /** @type {number} */ q) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** Median, p10, p90, min and max of a sample. */
export function summarize(/** @type {number[]} */ values) {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p10: quantile(values, 0.1),
    p90: quantile(values, 0.9),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

export const kB = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(2)} kB`;
export const ms = (/** @type {number} */ v, digits = 0) => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : '–');
export const ratio = (/** @type {number} */ v, digits = 2) => (Number.isFinite(v) ? `${v.toFixed(digits)}×` : '–');
export const mb = (/** @type {number} */ bytes) => `${bytes < 0 ? '−' : '+'}${(Math.abs(bytes) / 1e6).toFixed(3)} MB`;

/** A Markdown table (GitHub style), columns padded so it reads in a terminal too. */
export function table(/** @type {string[]} */ head, /** @type {(string | number)[][]} */ rows) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(3, ...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (/** @type {string[]} */ r) => `| ${r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

/**
 * A Code 128 encoder (ISO/IEC 15417) for scanners that read only 1D barcodes: code set C (two
 * digits per symbol) for runs of four or more digits — a 12-digit token is 6 symbols — and code
 * set B for the rest of printable ASCII. Pure and DOM-free, so the benchmark can time it.
 */

// Bar/space widths (in modules, bar first) of the symbols 0–105; each adds up to 11.
const PATTERNS =
  '212222222122222221121223121322131222122213122312132212221213221312231212112232122132122231113222' +
  '123122123221223211221132221231213212223112312131311222321122321221312212322112322211212123212321' +
  '232121111323131123131321112313132113132311211313231113231311112133112331132131113123113321133121' +
  '313121211331231131213113213311213131311123311321331121312113312311332111314111221411431111111224' +
  '111422121124121421141122141221112214112412122114122411142112142211241211221114413111241112134111' +
  '111242121142121241114212124112124211411212421112421211212141214121412121111143111341131141114113' +
  '114311411113411311113141114131311141411131211412211214211232';
const STOP = '2331112';
const START_B = 104;
const START_C = 105;
const CODE_B = 100;
const CODE_C = 99;

/**
 * The bar/space widths of `text` as Code 128, bar first: start, data, check symbol, stop. No
 * quiet zone (leave 10 modules on each side). Throws a `RangeError` for characters outside
 * printable ASCII (space to `~`).
 */
export function encodeCode128(text: string): number[] {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new RangeError('Code 128 set B holds printable ASCII only.');
  const values: number[] = [];
  let inC = false;
  const use = (c: boolean) => {
    if (!values.length) values.push(c ? START_C : START_B);
    else if (c !== inC) values.push(c ? CODE_C : CODE_B);
    inC = c;
  };
  for (let i = 0; i < text.length;) {
    const run = /^\d*/.exec(text.slice(i))![0].length;
    // set C pays off for 4+ digits (or a whole text of 2); an odd run leaves its first digit in B
    if (run >= 4 || (run === 2 && text.length === 2)) {
      if (run % 2) {
        use(false);
        values.push(text.charCodeAt(i++) - 32);
      }
      use(true);
      for (const end = i + (run & ~1); i < end; i += 2) values.push(Number(text.slice(i, i + 2)));
    } else {
      use(false);
      values.push(text.charCodeAt(i++) - 32);
    }
  }
  if (!values.length) values.push(START_B);
  values.push(values.reduce((sum, v, i) => sum + v * (i || 1), 0) % 103);
  return [...values.map((v) => PATTERNS.slice(v * 6, v * 6 + 6)).join(''), ...STOP].map(Number);
}

/**
 * One SVG path of the bars, `height` modules tall, after a quiet zone of `margin` modules; the
 * view box is `sum(widths) + 2 × margin` wide.
 */
export function code128Path(widths: readonly number[], height: number, margin = 10): string {
  let d = '';
  let x = margin;
  widths.forEach((w, i) => {
    if (i % 2 === 0) d += `M${x} 0h${w}v${height}h-${w}z`;
    x += w;
  });
  return d;
}

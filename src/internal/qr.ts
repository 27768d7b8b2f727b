/**
 * A small QR code encoder (ISO/IEC 18004, model 2), written for `<checkin-code>`: numeric mode
 * for a string of digits (a check-in token or card number: the smallest symbol), byte mode
 * (UTF-8) for anything else; error-correction level M (15 %: survives a scratched or glary
 * screen); versions 1–40; the mask with the lowest penalty score. Pure and DOM-free, so the
 * benchmark can time it. See the README ("Why a hand-written encoder") for the comparison with
 * `uqr` and `lean-qr`.
 */

/** A QR symbol: `size` × `size` modules, rows top to bottom, `true` = dark. No quiet zone. */
export interface QrCode {
  version: number;
  size: number;
  modules: boolean[][];
}

// Level M, versions 1–40: error-correction codewords per block, and how many blocks.
const ECC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26];
const BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (((x / 3) | 0) + ((y / 2) | 0)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1. */
function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

/** The Reed–Solomon error-correction codewords of one block. */
function reedSolomon(data: number[], degree: number): number[] {
  // the generator polynomial (x − α⁰)(x − α¹)…, highest coefficient (always 1) left out
  const divisor = Array<number>(degree).fill(0);
  divisor[degree - 1] = 1;
  for (let i = 0, root = 1; i < degree; i++, root = gfMultiply(root, 2))
    for (let j = 0; j < degree; j++) divisor[j] = gfMultiply(divisor[j], root) ^ (divisor[j + 1] ?? 0);
  const remainder = Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    divisor.forEach((d, i) => (remainder[i] ^= gfMultiply(d, factor)));
  }
  return remainder;
}

/** Modules left for data and error correction once the function patterns are drawn. */
function rawDataModules(version: number): number {
  const align = ((version / 7) | 0) + 2;
  return (16 * version + 128) * version + 64 - (version > 1 ? (25 * align - 10) * align - 55 : 0) - (version > 6 ? 36 : 0);
}

/** Penalty of a masked symbol (runs, 2×2 blocks, finder look-alikes, dark/light balance). */
function penalty(modules: boolean[][]): number {
  const size = modules.length;
  const rows = modules.map((row) => row.map(Number).join(''));
  const columns = rows.map((_, x) => rows.map((row) => row[x]).join(''));
  let score = 0;
  let dark = 0;
  for (const line of [...rows, ...columns]) {
    for (const run of line.match(/0{5,}|1{5,}/g) ?? []) score += run.length - 2;
    score += 40 * (`0000${line}0000`.match(/(?=010111010000|000010111010)/g) ?? []).length;
  }
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const m = modules[y][x];
      if (m) dark++;
      if (x && y && m === modules[y - 1][x] && m === modules[y][x - 1] && m === modules[y - 1][x - 1]) score += 3;
    }
  return score + 10 * (Math.ceil(Math.abs(dark * 20 - size * size * 10) / (size * size)) - 1);
}

/**
 * Encodes `text` as the smallest QR code (level M) that holds it. Throws a `RangeError` when it
 * does not fit in version 40 (5,596 digits or 2,331 UTF-8 bytes).
 */
export function encodeQr(text: string): QrCode {
  const numeric = /^\d*$/.test(text);
  const bytes = numeric ? [] : [...new TextEncoder().encode(text)];
  const count = numeric ? text.length : bytes.length;

  // the smallest version whose data codewords hold mode + count + data
  let version = 1;
  let countBits: number;
  let capacity: number;
  for (; ; version++) {
    if (version > 40) throw new RangeError(`Too long for a QR code: ${count} ${numeric ? 'digits' : 'bytes'}.`);
    const tier = version < 10 ? 0 : version < 27 ? 1 : 2;
    countBits = numeric ? 10 + 2 * tier : tier ? 16 : 8;
    capacity = ((rawDataModules(version) >> 3) - (ECC_PER_BLOCK[version - 1] ?? 28) * BLOCKS[version - 1]) * 8;
    if (4 + countBits + (numeric ? Math.ceil((count * 10) / 3) : count * 8) <= capacity) break;
  }

  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(numeric ? 0b0001 : 0b0100, 4);
  put(count, countBits);
  if (numeric) for (let i = 0; i < count; i += 3) put(Number(text.slice(i, i + 3)), Math.min(3, count - i) * 3 + 1);
  else for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity - bits.length)); // terminator
  put(0, -bits.length & 7);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));

  // split into blocks, add error correction, interleave
  const blockCount = BLOCKS[version - 1];
  const eccLength = ECC_PER_BLOCK[version - 1] ?? 28;
  const raw = rawDataModules(version) >> 3;
  const shortBlock = ((raw / blockCount) | 0) - eccLength; // data codewords in a short block
  const shortBlocks = blockCount - (raw % blockCount);
  const blocks: number[][] = [];
  const eccs: number[][] = [];
  for (let i = 0, at = 0; i < blockCount; i++) {
    const block = data.slice(at, (at += shortBlock + (i < shortBlocks ? 0 : 1)));
    blocks.push(block);
    eccs.push(reedSolomon(block, eccLength));
  }
  const codewords: number[] = [];
  for (let i = 0; i <= shortBlock; i++) for (const block of blocks) if (i < block.length) codewords.push(block[i]);
  for (let i = 0; i < eccLength; i++) for (const ecc of eccs) codewords.push(ecc[i]);

  // function patterns
  const size = version * 4 + 17;
  const grid = () => Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const modules = grid();
  const reserved = grid();
  const set = (target: boolean[][], x: number, y: number, dark: boolean) => {
    target[y][x] = dark;
    reserved[y][x] = true;
  };
  for (let i = 0; i < size; i++) {
    set(modules, 6, i, i % 2 === 0);
    set(modules, i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ])
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        if (cx + dx >= 0 && cx + dx < size && cy + dy >= 0 && cy + dy < size) set(modules, cx + dx, cy + dy, d !== 2 && d !== 4);
      }
  const align: number[] = [];
  if (version > 1) {
    const n = ((version / 7) | 0) + 2;
    const step = (((version * 8 + n * 3 + 5) / (n * 4 - 4)) | 0) * 2;
    for (let pos = size - 7; align.length < n - 1; pos -= step) align.unshift(pos);
    align.unshift(6);
  }
  align.forEach((ay, i) =>
    align.forEach((ax, j) => {
      const last = align.length - 1;
      if ((!i && !j) || (!i && j === last) || (i === last && !j)) return; // a finder is there
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(modules, ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }),
  );
  const drawFormat = (target: boolean[][], mask: number) => {
    let rem = mask; // level M is 00
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const format = ((mask << 10) | rem) ^ 0x5412;
    const bit = (i: number) => ((format >>> i) & 1) === 1;
    for (let i = 0; i < 6; i++) set(target, 8, i, bit(i));
    set(target, 8, 7, bit(6));
    set(target, 8, 8, bit(7));
    set(target, 7, 8, bit(8));
    for (let i = 9; i < 15; i++) set(target, 14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) set(target, size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) set(target, 8, size - 15 + i, bit(i));
    set(target, 8, size - 8, true);
  };
  drawFormat(modules, 0); // reserves the area; drawn for real once the mask is chosen
  if (version > 6) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const info = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((info >>> i) & 1) === 1;
      set(modules, size - 11 + (i % 3), (i / 3) | 0, dark);
      set(modules, (i / 3) | 0, size - 11 + (i % 3), dark);
    }
  }

  // data, in two-module-wide columns zigzagging up and down from the bottom right
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // skip the vertical timing pattern
    const upward = ((right + 1) & 2) === 0;
    for (let v = 0; v < size; v++)
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const y = upward ? size - 1 - v : v;
        if (!reserved[y][x] && i < codewords.length * 8) {
          modules[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
  }

  let best: boolean[][] = modules;
  let bestScore = Infinity;
  MASKS.forEach((mask, m) => {
    const masked = modules.map((row, y) => row.map((dark, x) => dark !== (!reserved[y][x] && mask(x, y))));
    drawFormat(masked, m);
    const score = penalty(masked);
    if (score < bestScore) [best, bestScore] = [masked, score];
  });
  return { version, size, modules: best };
}

/**
 * One SVG path of the dark modules (a rectangle per horizontal run), offset by a quiet zone of
 * `margin` modules; the view box is `size + 2 × margin` square.
 */
export function qrPath({ modules }: QrCode, margin = 4): string {
  let d = '';
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      d += `M${x + margin} ${y + margin}h${end - x + 1}v1h-${end - x + 1}z`;
      x = end;
    }
  });
  return d;
}

import { expect } from '@open-wc/testing';
import { code128Path, encodeCode128 } from '../../src/internal/code128.js';
import { encodeQr, qrPath } from '../../src/internal/qr.js';
import { scan } from '../helpers/scan.js';

const NS = 'http://www.w3.org/2000/svg';

/** The same SVG the element draws: a light rectangle and one path of dark modules. */
function drawing(width: number, height: number, d: string): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const rect = document.createElementNS(NS, 'rect');
  rect.setAttribute('width', String(width));
  rect.setAttribute('height', String(height));
  rect.setAttribute('fill', '#fff');
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(rect, path);
  return svg;
}

function qrDrawing(text: string) {
  const qr = encodeQr(text);
  return { qr, svg: drawing(qr.size + 8, qr.size + 8, qrPath(qr, 4)) };
}

function barcodeDrawing(text: string) {
  const widths = encodeCode128(text);
  const width = widths.reduce((a, b) => a + b, 20);
  return { widths, svg: drawing(width, 40, code128Path(widths, 40)) };
}

/** Deterministic filler text of `n` characters drawn from `alphabet`. */
const filler = (n: number, alphabet: string) => Array.from({ length: n }, (_, i) => alphabet[(i * 7919 + n * 31) % alphabet.length]).join('');

describe('QR encoder', () => {
  it('encodes a 12-digit token in the smallest symbol (version 1, 21 × 21) that decodes back', async () => {
    const { qr, svg } = qrDrawing('048213977105');
    expect([qr.version, qr.size]).to.deep.equal([1, 21]);
    expect(await scan(svg)).to.deep.equal(['048213977105', '048213977105']);
  });

  it('decodes back to the text at every length around the version boundaries, digits and text', async () => {
    const texts = [
      ...[1, 2, 3, 33, 34, 35, 63, 64, 101, 102, 178, 179].map((n) => filler(n, '0123456789')),
      ...[1, 13, 14, 15, 26, 27, 42, 43, 62, 63, 84, 85, 106, 107].map((n) => filler(n, 'abcdefghijklmnopqrstuvwxyz-_:/.ABC0123')),
    ];
    for (const text of texts) expect(await scan(qrDrawing(text).svg), `${text.length} characters`).to.deep.equal([text, text]);
  });

  it('encodes long tokens with several blocks and version information (versions 7 to 40)', async () => {
    for (const [text, version] of [
      [filler(150, 'abcdefghijklmnopqrstuvwxyz0123456789'), 8],
      [filler(600, 'abcdefghijklmnopqrstuvwxyz0123456789'), 19],
      [filler(2000, '0123456789'), 23],
      [filler(2331, 'abcdefghijklmnopqrstuvwxyz0123456789'), 40],
    ] as const) {
      const { qr, svg } = qrDrawing(text);
      expect(qr.version, `${text.length} characters`).to.equal(version);
      expect(await scan(svg), `${text.length} characters`).to.deep.equal([text, text]);
    }
  });

  it('keeps non-ASCII text intact (UTF-8 bytes)', async () => {
    const text = 'Café Olé — Zoë ✓';
    expect(await scan(qrDrawing(text).svg)).to.deep.equal([text, text]);
  });

  it('refuses text that no QR code can hold, naming the limit', () => {
    expect(() => encodeQr('1'.repeat(5597))).to.throw(RangeError, /5597 digits/);
    expect(() => encodeQr('a'.repeat(2332))).to.throw(RangeError, /2332 bytes/);
    expect(encodeQr('1'.repeat(5596)).version).to.equal(40);
  });

  it('draws the dark modules as one path of whole-module rectangles inside the quiet zone', () => {
    const qr = encodeQr('048213977105');
    const d = qrPath(qr, 4);
    const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
    expect(runs.map((r) => r[0]).join('')).to.equal(d);
    const dark = qr.modules.flat().filter(Boolean).length;
    expect(runs.reduce((n, r) => n + Number(r[3]), 0)).to.equal(dark);
    for (const [, x, y, w] of runs) {
      expect(Number(x)).to.be.at.least(4);
      expect(Number(y)).to.be.within(4, qr.size + 3);
      expect(Number(x) + Number(w)).to.be.at.most(qr.size + 4);
    }
  });
});

describe('Code 128 encoder', () => {
  it('packs a 12-digit token two digits per symbol (code set C) and decodes back', async () => {
    const { widths, svg } = barcodeDrawing('048213977105');
    // start + 6 digit pairs + check symbol, 11 modules each, and the 13-module stop
    expect(widths.reduce((a, b) => a + b, 0)).to.equal(8 * 11 + 13);
    expect(await scan(svg, 'code128')).to.deep.equal(['048213977105']);
  });

  it('decodes back to the text for digits of odd and even length, text, and mixed runs', async () => {
    const texts = ['7', '42', '123', '2024', '99990161343854930', '9999016134385493', 'AB-1234567-x', 'SANDBOX token 0042!', 'abc12345def6'];
    texts.push(filler(40, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'));
    for (const text of texts) expect(await scan(barcodeDrawing(text).svg, 'code128'), text).to.deep.equal([text]);
  });

  it('refuses characters outside printable ASCII', () => {
    expect(() => encodeCode128('Café')).to.throw(RangeError);
    expect(() => encodeCode128('tab\there')).to.throw(RangeError);
  });
});

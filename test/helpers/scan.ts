/**
 * Reads a rendered code back the way a scanner would: the SVG is rasterised in the browser
 * (serialised → image from a blob URL → canvas) and decoded by libraries that share no code with
 * the kit's encoders — jsQR and ZXing for QR codes, ZXing for Code 128.
 */
import 'jsqr'; // a UMD bundle: in a module it defines `self.jsQR`
import type jsQRFunction from 'jsqr';
import { BarcodeFormat, BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';

const jsQR = (globalThis as unknown as { jsQR: typeof jsQRFunction }).jsQR;

/** Draws `svg` as an opaque bitmap, `scale` pixels per view-box unit (one module). */
export async function rasterize(svg: SVGSVGElement, scale = 4): Promise<ImageData> {
  const [, , w, h] = svg
    .getAttribute('viewBox')!
    .split(/[\s,]+/)
    .map(Number);
  const width = Math.round(w * scale);
  const height = Math.round(h * scale);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function luminance({ data, width, height }: ImageData): BinaryBitmap {
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = (data[i * 4] * 299 + data[i * 4 + 1] * 587 + data[i * 4 + 2] * 114) / 1000;
  return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height)));
}

/** The text of a QR code according to jsQR, or `null`. */
export const jsqrDecode = (image: ImageData): string | null => jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;

/** The text of a QR code according to ZXing, or `null`. */
export function zxingQrDecode(image: ImageData): string | null {
  try {
    return new QRCodeReader().decode(luminance(image), new Map([[DecodeHintType.PURE_BARCODE, false]])).getText();
  } catch {
    return null;
  }
}

/** The text of a Code 128 barcode according to ZXing, or `null`. */
export function zxingCode128Decode(image: ImageData): string | null {
  try {
    const hints = new Map<DecodeHintType, unknown>([
      [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
      [DecodeHintType.TRY_HARDER, true],
    ]);
    const result = new Code128Reader().decode(luminance(image), hints);
    return result.getBarcodeFormat() === BarcodeFormat.CODE_128 ? result.getText() : null;
  } catch {
    return null;
  }
}

/** Rasterises and decodes with every decoder that reads the format; each must agree. */
export async function scan(svg: SVGSVGElement, format: 'qr' | 'code128' = 'qr'): Promise<string[]> {
  const image = await rasterize(svg);
  if (format === 'code128') return [zxingCode128Decode(image) ?? 'ZXing: unreadable'];
  return [jsqrDecode(image) ?? 'jsQR: unreadable', zxingQrDecode(image) ?? 'ZXing: unreadable'];
}

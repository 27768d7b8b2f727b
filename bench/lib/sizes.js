// @ts-check
/**
 * Sizes: minified, gzip (level 9) and brotli (quality 11) bytes of the CDN bundle, of each element
 * imported alone the way a merchant's bundler would tree-shake it (esbuild, minified, Lit and
 * @lit/* bundled in), and of Lit alone — `LitElement` + decorators, bundled the same way — the floor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** @typedef {{ min: number, gzip: number, brotli: number }} Size */

/** @returns {Size} */
export function measure(/** @type {Uint8Array | string} */ code) {
  const buf = typeof code === 'string' ? Buffer.from(code) : Buffer.from(code.buffer, code.byteOffset, code.byteLength);
  return {
    min: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/** What a floor entry imports: the Lit an element author needs (base class, templates, styles, decorators). */
export const LIT_FLOOR_ENTRY = `import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
export { LitElement, html, css, customElement, property, state };`;

/**
 * @param {string} root the repository root (with dist/ built)
 */
export async function measureSizes(root) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('esbuild is not installed (it comes with the dev dependencies: run npm install)');
  }
  /** Bundles an entry (source text) like a merchant's bundler: ESM, tree-shaken, minified, everything inlined. */
  const build = (/** @type {string} */ contents) =>
    esbuild.build({
      stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'bench-entry.js' },
      absWorkingDir: root, // metafile paths relative to the package (dist/…)
      bundle: true,
      // a language other than English is fetched only on a page in that language (`import()`):
      // a merchant's bundler splits it off; without splitting esbuild would inline all three
      external: ['*/locales/fr.js', '*/locales/es.js', '*/locales/nl.js'],
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      treeShaking: true,
      legalComments: 'none',
      write: false,
      metafile: true,
      outfile: 'bench-out.js',
      logLevel: 'silent',
    });
  const bundle = async (/** @type {string} */ contents) => (await build(contents)).outputFiles[0].contents;

  const floor = measure(await bundle(LIT_FLOOR_ENTRY));
  const cdn = measure(readFileSync(join(root, 'dist/cdn/loyalty-elements.js')));
  const everything = measure(await bundle(`import './dist/index.js';`));
  const session = measure(await bundle(`import './dist/session/define.js';`));

  const tags = readdirSync(join(root, 'dist/elements'))
    .filter((t) => !t.startsWith('.'))
    .sort();
  const elements = [];
  for (const tag of tags) {
    const entry = `./dist/elements/${tag}/define.js`;
    elements.push({
      tag,
      alone: measure(await bundle(`import '${entry}';`)),
      withSession: measure(await bundle(`import './dist/session/define.js'; import '${entry}';`)),
    });
  }
  // where the minified bytes of `import 'loyalty-elements'` come from (brotli does not split by source)
  const { metafile: meta } = await build(`import './dist/index.js';`);
  /** @type {Record<string, number>} */
  const composition = {};
  for (const [file, { bytesInOutput }] of Object.entries(meta.outputs['bench-out.js'].inputs)) {
    const group = groupOf(file);
    composition[group] = (composition[group] ?? 0) + bytesInOutput;
  }
  return { floor, cdn, everything, session, elements, composition, autoloader: measureAutoloader(root) };
}

/** `node_modules/lit-html/…` → `lit-html`; `dist/elements/x/…` → `elements/x`; `dist/api/…` → `api`. */
function groupOf(/** @type {string} */ file) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg)
    return ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg[1]) ? 'Lit (lit, lit-html, lit-element, @lit/reactive-element)' : pkg[1];
  const m = /^dist\/(elements\/[^/]+|[^/]+)/.exec(file);
  if (!m) return 'other';
  if (m[1] === 'internal' && /\/(qr|code128)\.js$/.test(file)) return 'internal: QR + Code 128 encoders';
  if (m[1] === '_virtual') return 'internal';
  const adapter = /^dist\/api\/adapters\/([^/.]+)\//.exec(file);
  if (adapter) return `api: ${adapter[1]} adapter`;
  if (m[1] === 'api') return 'api: client, cache, errors, validation';
  return m[1].replace(/^elements\//, 'element ');
}

/**
 * If the build has the autoloader (`dist/cdn/autoloader.js` + `dist/cdn/elements/<tag>.js`): what a
 * page downloads through it — the loader, the chunks of the tags it holds and their static
 * imports — each file compressed on its own, as a CDN serves them. `null` without it.
 * @param {string} root
 */
export function measureAutoloader(root) {
  const dir = join(root, 'dist/cdn');
  if (!existsSync(join(dir, 'autoloader.js')) || !existsSync(join(dir, 'elements'))) return null;
  /** Static imports of a built module (`import{…}from"../chunks/x.js"`, `import"./y.js"`), not `import()`. */
  const deps = (/** @type {string} */ file) => {
    const code = readFileSync(file, 'utf8');
    return [...code.matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(dirname(file), m[1]));
  };
  /** A page with `tags`: the loader plus every file those tags' chunks need. */
  const page = (/** @type {string[]} */ tags) => {
    const files = new Set([join(dir, 'autoloader.js')]);
    const queue = tags.map((t) => join(dir, 'elements', `${t}.js`));
    while (queue.length) {
      const f = /** @type {string} */ (queue.pop());
      if (files.has(f)) continue;
      files.add(f);
      queue.push(...deps(f));
    }
    const sizes = [...files].map((f) => measure(readFileSync(f)));
    return {
      tags,
      files: [...files].map((f) => relative(root, f)),
      min: sizes.reduce((a, s) => a + s.min, 0),
      gzip: sizes.reduce((a, s) => a + s.gzip, 0),
      brotli: sizes.reduce((a, s) => a + s.brotli, 0),
    };
  };
  const tags = readdirSync(join(dir, 'elements'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .filter((t) => t !== 'loyalty-session')
    .sort();
  return {
    loader: measure(readFileSync(join(dir, 'autoloader.js'))),
    pages: [...tags.map((t) => page(['loyalty-session', t])), page(['loyalty-session', ...tags])],
  };
}

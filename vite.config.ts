import { readFileSync, readdirSync } from 'node:fs';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.js';

const elementDefines = readdirSync('src/elements').map((tag) => `src/elements/${tag}/define.ts`);

/** `…/src/elements/loyalty-balance/define.ts` → `loyalty-balance`; `…/src/session/define.ts` → `loyalty-session`. */
const tagOf = (id: string | null) => (id?.endsWith('/src/session/define.ts') ? 'loyalty-session' : /\/src\/elements\/([^/]+)\/define\.ts$/.exec(id ?? '')?.[1]);

/**
 * A second minifier pass over the CDN files, after Rolldown's (Oxc's) own: Terser, twice over
 * its own output (`passes: 2`), finds what one pass leaves (−0.5 kB brotli on the CDN bundle).
 * The npm build stays unminified (the merchant's bundler minifies).
 */
const secondMinifierPass = (): Plugin => ({
  name: 'loyalty-second-minifier-pass',
  async renderChunk(code) {
    const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, sourceMap: { asObject: true } });
    return result.code === undefined ? null : { code: result.code, map: result.map as string };
  },
});

/**
 * `vite build --mode autoload` → dist/cdn/autoloader.js (no Lit inside) and one chunk per element,
 * dist/cdn/elements/<tag>.js, which share Lit and the kit's internals in dist/cdn/chunks/ (names
 * without hashes, so a rebuild overwrites them; the CDN path carries the version).
 */
const autoload = defineConfig({
  plugins: [minifyTemplates(), secondMinifierPass()],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    lib: { entry: { autoloader: 'src/autoloader.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: (chunk) =>
          tagOf(chunk.facadeModuleId)
            ? `elements/${tagOf(chunk.facadeModuleId)}.js`
            : /\/src\/locales\/[^/]+\.ts$/.test(chunk.facadeModuleId ?? '')
              ? 'chunks/locales/[name].js' // one language, fetched only when the page is in it (apart from the bundle's own locales/)
              : 'chunks/[name].js',
      },
    },
  },
});

/**
 * `vite build --mode cdn` also writes dist/cdn/loyalty-elements.classic.js, the one-line classic
 * `<script src>` for tag managers (src/cdn-classic.js, copied as is: it imports the module build
 * beside it).
 */
const classicScript = () => ({
  name: 'loyalty-classic-script',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
    this.emitFile({ type: 'asset', fileName: 'loyalty-elements.classic.js', source: readFileSync('src/cdn-classic.js', 'utf8') });
  },
});

/**
 * Both builds also write loyalty-elements.css (dist/ and dist/cdn/): src/preload.css as is, the
 * `:not(:defined)` rules that reserve each element's height before the script runs.
 */
const preloadStylesheet = () => ({
  name: 'loyalty-preload-stylesheet',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): string }) {
    this.emitFile({ type: 'asset', fileName: 'loyalty-elements.css', source: readFileSync('src/preload.css', 'utf8') });
  },
});

/**
 * `vite build`             → dist/… : npm ESM, one module per source file (lit external), so a
 *                             merchant's bundler keeps only the elements they import.
 * `vite build --mode cdn`  → dist/cdn/loyalty-elements.js : one self-contained, minified ESM file
 *                             for `<script type="module" src>` (lit inlined).
 * `vite build --mode autoload` → dist/cdn/autoloader.js + dist/cdn/elements/<tag>.js (above).
 * Oxc lowers the legacy decorators itself, reading tsconfig.json.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'autoload') return autoload;
  const cdn = mode === 'cdn';
  return {
    plugins: cdn ? [minifyTemplates(), secondMinifierPass(), classicScript(), preloadStylesheet()] : [minifyTemplates(), preloadStylesheet()],
    build: {
      target: 'es2022',
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: !cdn,
      sourcemap: true,
      minify: cdn,
      lib: cdn
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'loyalty-elements.js' }
        : {
            // every public entry; preserveModules keeps src's layout (src/x/y.ts → dist/x/y.js)
            // (+ the React 18 wrappers and the Vue helper: generated from the manifest by scripts/gen-types.js)
            entry: ['src/index.ts', 'src/api/index.ts', 'src/classes.ts', 'src/session/define.ts', ...elementDefines, 'src/react/index.ts', 'src/vue.ts'],
            formats: ['es'],
          },
      rolldownOptions: cdn
        ? // library mode keeps whitespace in ES output (for downstream bundlers); the CDN file is final.
          // 'allow-extension': the language chunks (fr/es/nl, loaded on demand) import Lit from the
          // main file, which stays self-contained, instead of Lit moving to a third shared chunk.
          // (names without hashes, as in the autoload build: the CDN path carries the version)
          { preserveEntrySignatures: 'allow-extension', output: { minify: true, chunkFileNames: 'locales/[name].js' } }
        : {
            // react, @lit/react and vue are the app's (optional peer dependencies), never bundled
            external: [/^lit(\/.*)?$/, /^@lit\//, /^react(-dom)?(\/.*)?$/, /^vue$/],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
    },
  };
});

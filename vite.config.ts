import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

const elementDefines = readdirSync('src/elements').map((tag) => `src/elements/${tag}/define.ts`);

/**
 * `vite build`             → dist/… : npm ESM, one module per source file (lit external), so a
 *                             merchant's bundler keeps only the elements they import.
 * `vite build --mode cdn`  → dist/cdn/loyalty-elements.js : one self-contained, minified ESM file
 *                             for `<script type="module" src>` (lit inlined).
 * Oxc lowers the legacy decorators itself, reading tsconfig.json.
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
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
            entry: ['src/index.ts', 'src/api/index.ts', 'src/classes.ts', 'src/session/define.ts', ...elementDefines],
            formats: ['es'],
          },
      rolldownOptions: cdn
        ? // library mode keeps whitespace in ES output (for downstream bundlers); the CDN file is final
          { output: { minify: true } }
        : {
            external: [/^lit(\/.*)?$/, /^@lit\//],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
    },
  };
});

#!/usr/bin/env node
// Builds what the framework tests load (run by `npm test` before the browser suite):
//   1. the kit as npm publishes it, dist/ (without emptying it: dist/cdn is built already)
//   2. each fixture app with Vite, importing the kit by its package name through package.json
//      "exports" as an installed app would, into test/frameworks/<app>/dist/main.js
//      (development builds, so React and Vue report every warning)
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');

/** `loyalty-elements`, `loyalty-elements/react`, … resolved by Node through package.json "exports" (this file is inside the package). */
const packageByName = {
  name: 'loyalty-elements-by-name',
  enforce: 'pre',
  resolveId: (id) => (id === 'loyalty-elements' || id.startsWith('loyalty-elements/') ? fileURLToPath(import.meta.resolve(id)) : null),
};

/**
 * @param {string} name folder under test/frameworks
 * @param {{ entry: string, configFile?: string, dedupe?: string[] }} options
 */
async function buildApp(name, { entry, configFile, dedupe }) {
  const root = join(HERE, name);
  await build({
    root,
    // the fixture's own vite.config.js (the one the README shows), loaded by Node as an app's would be
    configFile: configFile ? join(root, configFile) : false,
    configLoader: 'native',
    logLevel: 'warn',
    mode: 'development',
    plugins: [packageByName],
    // the React 18 app's react/react-dom come from its own folder, also for the kit's wrappers
    resolve: { dedupe },
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      lib: { entry, formats: ['es'], fileName: () => 'main.js' },
    },
  });
}

const started = Date.now();
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { emptyOutDir: false } });
await buildApp('react', { entry: 'main.tsx' });
await buildApp('react18', { entry: 'main.tsx', dedupe: ['react', 'react-dom'] });
await buildApp('vue', { entry: 'main.ts', configFile: 'vite.config.js' });
console.log(`built dist/ and the React 19, React 18 and Vue 3 test apps in ${((Date.now() - started) / 1000).toFixed(1)} s`);

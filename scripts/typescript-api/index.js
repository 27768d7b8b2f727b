/**
 * Makes every `require('typescript')` (and `typescript/…`) in this Node process load TypeScript
 * 5.9, this package's own dependency, instead of the kit's TypeScript 7, which has no JS compiler
 * API. Imported first by eslint.config.js (typescript-eslint) and preloaded for lit-analyzer
 * (`node --import loyalty-elements-typescript-api …`); both load `typescript` with CommonJS
 * `require`, which is what this hooks. tsc 7 still builds and type-checks the kit.
 */
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const main = require.resolve('typescript');
const root = dirname(require.resolve('typescript/package.json'));

/** @type {(request: string, ...rest: unknown[]) => string} */
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'typescript') return main;
  if (request.startsWith('typescript/')) return resolveFilename.call(this, root + request.slice('typescript'.length), ...rest);
  return resolveFilename.call(this, request, ...rest);
};

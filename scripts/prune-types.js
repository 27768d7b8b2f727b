#!/usr/bin/env node
/**
 * After `tsc -p tsconfig.build.json`: removes the declarations of the translation modules
 * (dist/types/locales/<locale>.d.ts). lit-localize generates src/locales/<locale>.ts with inferred
 * types, which tsc writes as `import("lit-html").TemplateResult` — a package the kit does not
 * depend on (it comes with `lit`). No public declaration refers to these modules (they are loaded
 * with `import()` inside src/internal/localize.ts), so nothing is lost; `locale-codes.d.ts` stays.
 * `node scripts/check-package.js` then checks every remaining declaration.
 */
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../dist/types/locales/', import.meta.url));
let files = [];
try {
  files = readdirSync(dir);
} catch {
  process.exit(0); // no declarations built
}
for (const file of files) {
  if (/^(?!locale-codes\.)[^.]+\.d\.ts(\.map)?$/.test(file)) rmSync(dir + file);
}

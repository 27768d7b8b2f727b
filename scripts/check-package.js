#!/usr/bin/env node
/**
 * Checks what `npm publish` would ship, after `npm run build` (.ci/run runs it):
 * - every declaration in dist/types imports only packages the kit declares (`dependencies` or
 *   `peerDependencies`, or itself), and each of its relative imports resolves to a declaration;
 * - every target in `exports`, `main`/`module`/`types`, `typesVersions` and `bin` exists and is in
 *   `files`; every JavaScript entry of `exports` under dist/ has `types`, listed first;
 * - a LICENSE file matches `"license"`.
 * Prints each problem and exits 1, or prints one line and exits 0.
 *
 *   node scripts/check-package.js [--root <dir>]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? resolve(process.argv[rootArg + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

// ---- declarations ---------------------------------------------------------------------------
const declared = new Set([pkg.name, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** The module specifiers of a declaration file, comments left out. */
export function specifiers(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/(?!\/ <reference).*$/gm, '');
  const found = [];
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\sfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,
    /\/\/\/\s*<reference\s+types\s*=\s*(['"])([^'"]+)\1/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[2]);
  return found;
}

const typesDir = join(root, 'dist/types');
if (!existsSync(typesDir)) problems.push('dist/types is missing: run `npm run build` first.');
else {
  for (const file of walk(typesDir)) {
    if (!file.endsWith('.d.ts')) continue;
    const where = relative(root, file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const candidates = [target.replace(/\.js$/, '.d.ts'), `${target}.d.ts`, join(target, 'index.d.ts')];
        if (!candidates.some((c) => existsSync(c))) problems.push(`${where} imports "${spec}", which has no declaration in dist/types.`);
      } else if (!declared.has(packageOf(spec))) {
        problems.push(`${where} imports "${spec}": "${packageOf(spec)}" is not in dependencies or peerDependencies.`);
      }
    }
  }
}

// ---- entry points ---------------------------------------------------------------------------
const files = ['package.json', ...(pkg.files ?? [])].map((f) => f.replace(/^\.\//, '').replace(/\/$/, ''));
const shipped = (target) => {
  const path = target.replace(/^\.\//, '');
  return files.some((f) => path === f || path.startsWith(`${f}/`));
};

/** Whether `target` exists; a `*` pattern matches at least one file. */
function exists(target) {
  if (!target.includes('*')) return existsSync(join(root, target));
  const [before, after] = target.split('*');
  const dir = join(root, dirname(`${before}x`));
  if (!existsSync(dir)) return false;
  const prefix = join(root, before);
  return [...walk(dir)].some((f) => f.startsWith(prefix) && f.endsWith(after));
}

function checkTarget(field, target) {
  if (!exists(target)) problems.push(`${field} points at ${target}, which does not exist.`);
  else if (!shipped(target)) problems.push(`${field} points at ${target}, which "files" leaves out of the package.`);
}

for (const field of ['main', 'module', 'types']) if (pkg[field]) checkTarget(`"${field}"`, pkg[field]);
for (const [name, target] of Object.entries(typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {}))) checkTarget(`bin "${name}"`, target);
for (const [pattern, targets] of Object.entries(pkg.typesVersions?.['*'] ?? {})) for (const t of targets) checkTarget(`typesVersions "${pattern}"`, t);

/** JavaScript entries that have no types of their own, and why. */
const UNTYPED = {
  './cdn/classic': 'a classic <script src> that exports nothing',
};

for (const [entry, value] of Object.entries(pkg.exports ?? {})) {
  const field = `exports "${entry}"`;
  if (typeof value === 'string') {
    checkTarget(field, value);
    if (/^\.\/dist\/.*\.js$/.test(value) && !(entry in UNTYPED))
      problems.push(`${field} is a JavaScript module without "types": give it { "types", "default" }.`);
    continue;
  }
  const conditions = Object.keys(value);
  if (conditions.includes('types') && conditions[0] !== 'types') problems.push(`${field}: "types" must be its first condition.`);
  if (!conditions.includes('types') && Object.values(value).some((t) => /\.js$/.test(t))) problems.push(`${field} has no "types".`);
  for (const [condition, target] of Object.entries(value)) checkTarget(`${field} (${condition})`, target);
}

// ---- licence --------------------------------------------------------------------------------
const license = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].map((f) => join(root, f)).find((f) => existsSync(f));
if (!license) problems.push(`No LICENSE file, although package.json says "license": "${pkg.license}".`);
else if (pkg.license === 'MIT' && !/^MIT License/m.test(readFileSync(license, 'utf8')))
  problems.push(`${relative(root, license)} is not the MIT License that package.json names.`);

if (problems.length) {
  for (const p of problems) console.error(`check-package: ${p}`);
  process.exit(1);
}
console.log(`check-package: declarations, ${Object.keys(pkg.exports ?? {}).length} exports entries and the licence are complete.`);

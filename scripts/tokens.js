#!/usr/bin/env node
// The theming tokens: every `--loyalty-*` custom property the source USES (read with `var()` or
// set, in styles and templates; comments do not count) against the ones it DOCUMENTS — the
// `@cssprop` JSDoc tags in src/ (the shared tokens on `LoyaltyElement`, each element's own on its
// class: they feed custom-elements.json and the README's API tables) and the table of the README's
// `## Theming` section. The demo's merchant themes (demo/themes/*.css) may set documented tokens only.
//
//   node scripts/tokens.js     prints what is used but undocumented, documented but unused, or
//                              documented on the wrong class; exits 1 if anything is
//
// In `npm test`, test/elements/tokens.test.ts runs the same check through the test runner's
// `loyalty-tokens` command (`tokensPlugin()` in web-test-runner.config.mjs). It reads the source,
// not custom-elements.json, which may be stale while the source changes.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The shared families, documented once on the base class and read by every element. */
const SHARED = /^--loyalty-(?:color-[a-z0-9-]+|font-[a-z0-9-]+|radius|space-[a-z0-9]+)$/;
const TOKEN = /--loyalty-[a-z0-9]+(?:-[a-z0-9]+)*/g;

/** Generated or non-element modules the manifest analyzer skips too (package.json `analyze`). */
const SKIP = [/^src\/react\//, /^src\/jsx\.ts$/, /^src\/vue\.ts$/, /^src\/autoloader\.ts$/, /^src\/locales\//];

/**
 * The source without comments (JS block and line comments, CSS comments in `css```), keeping
 * strings, so a token named only in a comment or a JSDoc description counts as unused.
 */
export function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\'"`])\/\/[^\n]*/g, '$1');
}

/** `@cssprop` tags of each JSDoc block: `{ name, tag }`, `tag` being the block's `@tag` (an element) or `undefined` (the base class). */
export function documentedIn(text) {
  const found = [];
  for (const [block] of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const tag = /@tag\s+([a-z][\w-]*)/.exec(block)?.[1];
    // `@cssprop --x - …`, `@cssprop {<color>} --x - …`, `@cssprop [--x=default] - …`
    for (const m of block.matchAll(/@cssprop(?:erty)?\s+(?:\{[^}]*\}\s+)?\[?(--[\w-]+)/g)) found.push({ name: m[1], tag });
  }
  return found;
}

/** The custom properties listed in the first column of the tables under README's `## Theming`. */
export function readmeTokens(readme) {
  const section = /^## Theming\s*$([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/^\|\s*`(--[\w-]+)`/gm)].map((m) => m[1]);
}

const sorted = (set) => [...set].sort();
const minus = (a, b) => sorted(new Set([...a].filter((x) => !b.has(x))));

/**
 * Compares use and documentation. `sources`: `[{ path, text }]` of the TypeScript source;
 * `readme`: README.md's text. Returns the sets and every problem (empty arrays when consistent).
 */
export function checkTokens({ sources, readme = '', themes = [] }) {
  const used = new Set();
  const documented = new Map(); // name → tags of the blocks documenting it (undefined: base class)
  const tags = new Set();
  for (const { text } of sources) {
    for (const m of stripComments(text).matchAll(TOKEN)) used.add(m[0]);
    for (const { name, tag } of documentedIn(text)) {
      if (!name.startsWith('--loyalty-')) continue; // a `--loyalty-*` token only
      documented.set(name, [...(documented.get(name) ?? []), tag]);
    }
    for (const m of text.matchAll(/@tag\s+([a-z][\w-]*)/g)) tags.add(m[1]);
  }
  const inReadme = new Set(readmeTokens(readme));
  const docNames = new Set(documented.keys());
  // the demo's merchant themes (demo/themes/*.css) may set documented tokens only
  const inThemes = themes.flatMap(({ path, text }) => [...stripComments(text).matchAll(/(--loyalty-[\w-]+)\s*:/g)].map((m) => ({ path, name: m[1] })));

  // where each token must be documented: a shared one on the base class (no @tag), an element's
  // own `--loyalty-<tag without "loyalty-">-*` on that element
  const misplaced = [];
  for (const name of sorted(new Set([...used, ...docNames]))) {
    const stem = name.slice('--loyalty-'.length);
    const owner = SHARED.test(name) ? undefined : [...tags].sort((a, b) => b.length - a.length).find((t) => stem.startsWith(`${t.replace(/^loyalty-/, '')}-`));
    const expected = SHARED.test(name) ? 'LoyaltyElement (shared)' : owner ? `<${owner}>` : undefined;
    const on = documented.get(name);
    if (!expected)
      misplaced.push({
        name,
        problem: 'neither a shared token (--loyalty-color-*, --loyalty-font-*, --loyalty-radius, --loyalty-space-*) nor --loyalty-<tag>-* of an element',
      });
    else if (on && on.some((t) => t !== owner))
      misplaced.push({ name, problem: `documented on ${on.map((t) => (t ? `<${t}>` : 'LoyaltyElement')).join(', ')}, belongs on ${expected}` });
  }

  return {
    used: sorted(used),
    documented: sorted(docNames),
    readme: sorted(inReadme),
    /** Used in src but without a `@cssprop`. */
    undocumented: minus(used, docNames),
    /** A `@cssprop` that nothing in src reads or sets. */
    unused: minus(docNames, used),
    /** Used in src but not in the README's Theming table. */
    missingFromReadme: minus(used, inReadme),
    /** In the README's Theming table but not used in src. */
    staleInReadme: minus(inReadme, used),
    misplaced,
    /** Set by a demo theme but not documented. */
    themeUndocumented: inThemes.filter((t) => !docNames.has(t.name)).map((t) => `${t.path}: ${t.name}`),
  };
}

/** Every `.ts` file under src/ (POSIX paths relative to the repository), but generated ones. */
function sourceFiles(dir = join(ROOT, 'src')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    const rel = relative(ROOT, path).split(sep).join('/');
    return e.name.endsWith('.ts') && !SKIP.some((r) => r.test(rel)) ? [rel] : [];
  });
}

/** The check over the repository as it is on disk. */
export function checkRepository() {
  const read = (path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') });
  const sources = sourceFiles().map(read);
  const themes = readdirSync(join(ROOT, 'demo/themes'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => read(`demo/themes/${f}`));
  return checkTokens({ sources, readme: readFileSync(join(ROOT, 'README.md'), 'utf8'), themes });
}

/** The problems of a report, one line each (empty when there are none). */
export function problems(report) {
  return [
    ...report.undocumented.map((n) => `${n}: used in src/ but has no @cssprop`),
    ...report.unused.map((n) => `${n}: has a @cssprop but nothing in src/ uses it`),
    ...report.missingFromReadme.map((n) => `${n}: used in src/ but missing from README's Theming table`),
    ...report.staleInReadme.map((n) => `${n}: in README's Theming table but nothing in src/ uses it`),
    ...report.misplaced.map((m) => `${m.name}: ${m.problem}`),
    ...report.themeUndocumented.map((t) => `${t}: a demo theme sets a token that is not documented`),
  ];
}

/**
 * Web Test Runner plugin: `executeServerCommand('loyalty-tokens')` → the report of the repository;
 * `executeServerCommand('loyalty-tokens', { sources, readme })` → the report of those texts
 * (test/elements/tokens.test.ts proves the check fails on fixtures).
 */
export function tokensPlugin() {
  return {
    name: 'loyalty-tokens',
    executeCommand({ command, payload }) {
      if (command !== 'loyalty-tokens') return undefined;
      return payload?.sources ? checkTokens(payload) : checkRepository();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = checkRepository();
  const found = problems(report);
  console.log(
    `${report.used.length} --loyalty-* tokens used, ${report.documented.length} documented with @cssprop, ${report.readme.length} in README's Theming table.`,
  );
  if (!found.length) console.log('Consistent: nothing used but undocumented, nothing documented but unused.');
  for (const line of found) console.log(`  ${line}`);
  process.exitCode = found.length ? 1 : 0;
}

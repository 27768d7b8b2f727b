// Finds user-visible English in the elements' templates that does not go through msg().
//
//   node scripts/unlocalized.js     lists every unlocalized string as file:line  "text" and exits 1 if any
//
// A static scan of the html`` templates in src/elements/**/*.ts and src/internal/*.ts: the text
// between tags, and the literal values of aria-label, aria-description, aria-valuetext, placeholder,
// title and alt. `${…}` expressions, whitespace, punctuation, digits and symbols are ignored, and so
// is a template passed to msg() itself (msg(html`…`) is localized as a whole). Strings built in
// TypeScript and put into a template through `${…}` are the runtime check's job
// (test/elements/localized-strings.test.ts renders every element in French).
// test/elements/localized-strings.test.ts runs it through web-test-runner.config.mjs.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Attributes whose value a user reads or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'placeholder', 'title', 'alt']);

/** Text that needs no translation even though it has letters (units, symbols). Keep it short. */
const ALLOWED = new Set([]);

/** A character standing for a `${…}` expression in a template's text. */
const HOLE = '\u0000';

/**
 * Every tagged template in `source` whose tag is `html`: its static text (expressions replaced by
 * HOLE), the offset of each of its characters in `source`, and whether it is msg()'s argument.
 * A small lexer: it skips comments, strings, regular expressions and nested templates.
 */
function templates(source) {
  const found = [];
  const n = source.length;

  // reads a template literal starting at the backtick at `start`; returns the index after it
  function readTemplate(start, tag, inMsg) {
    let text = '';
    const offsets = [];
    let j = start + 1;
    while (j < n && source[j] !== '`') {
      if (source[j] === '\\') {
        text += source[j] + source[j + 1];
        offsets.push(j, j + 1);
        j += 2;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        text += HOLE;
        offsets.push(j);
        j = readCode(j + 2, '}');
      } else {
        text += source[j];
        offsets.push(j);
        j++;
      }
    }
    if (tag === 'html') found.push({ text, offsets, inMsg });
    return j + 1;
  }

  // reads code up to the unmatched `close` (or the end); returns the index after it
  function readCode(start, close) {
    let j = start;
    let depth = 0;
    let prev = '';
    let word = '';
    while (j < n) {
      const c = source[j];
      if (c === '/' && source[j + 1] === '/') {
        j = source.indexOf('\n', j);
        if (j < 0) return n;
        continue;
      }
      if (c === '/' && source[j + 1] === '*') {
        j = source.indexOf('*/', j + 2);
        if (j < 0) return n;
        j += 2;
        continue;
      }
      if (c === '"' || c === "'") {
        j = readString(j, c);
        prev = c;
        word = '';
        continue;
      }
      if (c === '`') {
        const tag = /(\w+)\s*$/.exec(source.slice(Math.max(0, j - 20), j))?.[1];
        const before = source.slice(Math.max(0, j - 30), j);
        const inMsg = tag === 'html' && /\bmsg\(\s*html\s*$/.test(before);
        j = readTemplate(j, tag, inMsg);
        prev = '`';
        word = '';
        continue;
      }
      if (c === '/' && (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev) || ['return', 'typeof', 'case', 'in', 'of'].includes(word))) {
        j = readRegex(j);
        prev = '/';
        word = '';
        continue;
      }
      if (c === '{' || c === '(' || c === '[') depth++;
      if (c === '}' || c === ')' || c === ']') {
        if (depth === 0 && c === close) return j + 1;
        depth--;
      }
      if (/\s/.test(c)) {
        j++;
        continue;
      }
      word = /[\w$]/.test(c) ? (/[\w$]/.test(prev) ? word + c : c) : '';
      prev = c;
      j++;
    }
    return n;
  }

  function readString(start, quote) {
    let j = start + 1;
    while (j < n && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  }

  function readRegex(start) {
    let j = start + 1;
    let inClass = false;
    while (j < n && source[j] !== '\n') {
      const c = source[j];
      if (c === '\\') j += 2;
      else {
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) return j + 1;
        j++;
      }
    }
    return j;
  }

  readCode(0, '');
  return found;
}

/** Whether a piece of text is something a translator would translate. */
function translatable(text) {
  const t = text
    .split(HOLE)
    .join(' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\p{L}/u.test(t) && !ALLOWED.has(t) ? t : undefined;
}

/**
 * The unlocalized strings of one source file's templates: `{ line, text, where }`, `where` being
 * `text` (between tags) or the attribute's name.
 */
export function scanSource(source) {
  const lineOf = (offset) => source.slice(0, offset).split('\n').length;
  const results = [];
  for (const t of templates(source)) {
    if (t.inMsg) continue;
    const s = t.text;
    let k = 0;
    let textStart = 0;
    const flushText = (end) => {
      const found = translatable(s.slice(textStart, end));
      if (found) {
        const first = textStart + s.slice(textStart, end).search(/\p{L}/u);
        results.push({ line: lineOf(t.offsets[first]), text: found, where: 'text' });
      }
    };
    while (k < s.length) {
      if (s.startsWith('<!--', k)) {
        flushText(k);
        k = s.indexOf('-->', k);
        k = k < 0 ? s.length : k + 3;
        textStart = k;
      } else if (s[k] === '<' && /[a-zA-Z/]/.test(s[k + 1] ?? '')) {
        flushText(k);
        k = readTag(s, k, t, results, lineOf);
        textStart = k;
      } else k++;
    }
    flushText(s.length);
  }
  return results.sort((a, b) => a.line - b.line);
}

/** Reads one tag from `<` to `>`, reporting literal text attributes; returns the index after it. */
function readTag(s, start, t, results, lineOf) {
  let k = start + 1;
  while (k < s.length && s[k] !== '>') {
    const name = /^[^\s"'>/=\0]+/.exec(s.slice(k))?.[0];
    if (!name) {
      k++;
      continue;
    }
    k += name.length;
    while (/\s/.test(s[k] ?? '')) k++;
    if (s[k] !== '=') continue;
    k++;
    while (/\s/.test(s[k] ?? '')) k++;
    let value;
    let valueStart = k;
    if (s[k] === '"' || s[k] === "'") {
      const q = s[k];
      const end = s.indexOf(q, k + 1);
      valueStart = k + 1;
      value = s.slice(k + 1, end < 0 ? s.length : end);
      k = end < 0 ? s.length : end + 1;
    } else {
      const m = /^[^\s>]*/.exec(s.slice(k))[0];
      value = m;
      k += m.length;
    }
    const attr = name.replace(/^[.?@]/, '').toLowerCase();
    if (!name.startsWith('@') && TEXT_ATTRIBUTES.has(attr)) {
      const found = translatable(value);
      if (found) results.push({ line: lineOf(t.offsets[valueStart]), text: found, where: attr });
    }
  }
  return k + 1;
}

const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** The files the scan covers: every element and the shared element plumbing. */
export function scannedFiles(root = ROOT) {
  return [
    ...walk(join(root, 'src/elements')).filter((f) => f.endsWith('.ts')),
    ...readdirSync(join(root, 'src/internal'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, 'src/internal', f)),
  ].sort();
}

/** Every unlocalized string in the elements' templates: `{ file, line, text, where }`. */
export function unlocalizedStrings(root = ROOT) {
  return scannedFiles(root).flatMap((file) => scanSource(readFileSync(file, 'utf8')).map((r) => ({ file: relative(root, file), ...r })));
}

/**
 * The web-test-runner plugin of test/elements/localized-strings.test.ts:
 * `executeServerCommand('unlocalized-strings')` → `{ found }` (this scan over the source),
 * `('scan-template', { source })` → `{ found }` (the scan of a given text, to test the scanner) and
 * `('locale-problems')` → `{ problems }` (scripts/localize-check.js: missing translations, stale
 * src/locales).
 */
export function localizationPlugin() {
  let problems;
  // analysing the source takes seconds of CPU: in a child process (the test server stays
  // responsive), started with the server (a command must answer within 20 s), once per run
  const check = () =>
    (problems ??= new Promise((resolve) => {
      execFile(process.execPath, [join(ROOT, 'scripts/localize-check.js'), '--json'], { cwd: ROOT, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout));
        } catch {
          resolve([`scripts/localize-check.js failed: ${error?.message ?? ''} ${stderr}`.trim()]);
        }
      });
    }));
  return {
    name: 'localization',
    serverStart() {
      void check();
    },
    async executeCommand({ command, payload }) {
      if (command === 'unlocalized-strings') return { found: unlocalizedStrings() };
      if (command === 'scan-template') return { found: scanSource(String(payload?.source ?? '')) };
      if (command === 'locale-problems') return { problems: await check() };
      return undefined;
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = unlocalizedStrings();
  for (const f of found) console.log(`${f.file}:${f.line}  ${f.where === 'text' ? '' : `${f.where}=`}"${f.text}"`);
  if (found.length) {
    console.error(`\n${found.length} string(s) in templates are not localized: wrap them in msg() (see CONTRIBUTING.md).`);
    process.exit(1);
  }
  console.log(`no unlocalized strings in ${scannedFiles().length} files`);
}

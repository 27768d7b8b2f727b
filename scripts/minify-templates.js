// Build-time byte savings that change no behaviour (issue 17), as a Vite plugin used by every build
// (npm, CDN, autoload; see vite.config.ts):
// - Lit `html`/`svg` templates: every run of whitespace that holds a line break becomes one space.
//   Conservative on purpose: a space between inline text or tags ("p.m. · Crème", `</b> <span>`)
//   renders, so no whitespace is ever removed, only the indentation that follows a line break
//   (no template renders with `white-space: pre*`). Templates passed straight to `msg()` are left
//   as written: @lit/localize finds their translation by a hash of their text.
// - Lit `css` templates: comments go; whitespace outside strings collapses to one space, and none
//   (nor a `;` before `}`) is kept beside `{`, `}`, `;`, `,` or after `:` (never before `:`:
//   `a :hover` ≠ `a:hover`; `+` and `-` keep theirs for `calc()`).
// - `msg(…, { desc: '…' })`: the translators' note lives in the source (which `lit-localize extract`
//   reads) and the runtime never reads it; the option goes from the built code (`id` stays).
// test/e2e/minified-text.test.ts compares the text every element renders from this build with the
// source's.
import { parseAst } from 'vite';

/** @param {string} text */
const minifyMarkup = (text) => text.replace(/\s*\n\s*/g, ' ');

/** @param {string} text */
const minifyCss = (text) => {
  let out = '';
  // strings are copied as they are, comments count as whitespace, whitespace collapses to one
  // space, trimmed beside punctuation
  for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\/|\s+|[^"'/\s]+|\//g)) {
    if (/^\s|^\/\*/.test(token)) {
      if (!/[{};,:]$/.test(out)) out += ' ';
    } else {
      out = (/^[{};,]/.test(token) ? out.replace(/ $/, '') : out).replace(token.startsWith('}') ? /;$/ : /$^/, '') + token;
    }
  }
  return out;
};

/**
 * @typedef {{ type: string, start: number, end: number, [key: string]: unknown }} AstNode
 * @param {unknown} node
 * @param {(node: AstNode) => void} visit
 */
const walk = (node, visit) => {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (/** @type {{ type?: unknown }} */ (node).type) !== 'string') return;
  const astNode = /** @type {AstNode} */ (node);
  visit(astNode);
  for (const [key, value] of Object.entries(astNode)) if (key !== 'type' && value && typeof value === 'object') walk(value, visit);
};

/** @param {AstNode} node */
const identifierName = (node) => (node.type === 'Identifier' ? /** @type {string} */ (node.name) : undefined);

/**
 * The edits to one module's code (already JavaScript).
 * @param {string} code
 */
const editsOf = (code) => {
  if (!/\b(html|svg|css|msg)\b/.test(code)) return [];
  /** @type {{ start: number, end: number, text: string }[]} */
  const edits = [];
  const keepAsWritten = new Set();
  walk(parseAst(code), (node) => {
    if (node.type === 'CallExpression' && identifierName(/** @type {AstNode} */ (node.callee)) === 'msg') {
      const [message, options] = /** @type {AstNode[]} */ (node.arguments);
      if (message) keepAsWritten.add(message.start);
      if (options?.type === 'ObjectExpression') {
        const properties = /** @type {AstNode[]} */ (options.properties);
        const kept = properties.filter((p) => !(p.type === 'Property' && identifierName(/** @type {AstNode} */ (p.key)) === 'desc'));
        if (kept.length === properties.length) return;
        edits.push(
          kept.length === 0
            ? { start: message.end, end: options.end, text: '' }
            : { start: options.start, end: options.end, text: `{ ${kept.map((p) => code.slice(p.start, p.end)).join(', ')} }` },
        );
      }
      return;
    }
    if (node.type !== 'TaggedTemplateExpression' || keepAsWritten.has(node.start)) return;
    const tag = identifierName(/** @type {AstNode} */ (node.tag));
    const minify = tag === 'css' ? minifyCss : tag === 'html' || tag === 'svg' ? minifyMarkup : undefined;
    if (!minify) return;
    const quasis = /** @type {AstNode[]} */ (/** @type {AstNode} */ (node.quasi).quasis);
    quasis.forEach((quasi, i) => {
      // the raw text between the backtick/`}` and `${`/backtick
      const raw = code.slice(quasi.start, quasi.end);
      let text = minify(raw);
      // whitespace at either end of a style sheet means nothing
      if (tag === 'css') text = (i === 0 ? text.trimStart() : text).replace(i === quasis.length - 1 ? /\s+$/ : /$^/, '');
      if (text !== raw) edits.push({ start: quasi.start, end: quasi.end, text });
    });
  });
  return edits;
};

/**
 * One module's code (JavaScript) with its Lit templates minified and `msg()`'s `desc` dropped.
 * @param {string} code
 */
export const minifyModule = (code) => {
  const edits = editsOf(code);
  return edits.length === 0 ? code : applyEdits(code, edits).code;
};

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** @param {number} n */
const vlq = (n) => {
  let rest = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    const digit = rest & 31;
    rest >>>= 5;
    out += BASE64[rest ? digit | 32 : digit];
  } while (rest);
  return out;
};

/**
 * The code with its edits (which never overlap) and a source map of it, line-accurate: a mapping
 * where each edit and each line of the code between them starts.
 * @param {string} code
 * @param {{ start: number, end: number, text: string }[]} edits
 */
const applyEdits = (code, edits) => {
  const lineStarts = [0, ...[...code.matchAll(/\n/g)].map((m) => m.index + 1)];
  /** @param {number} offset @returns {[number, number]} */
  const place = (offset) => {
    let line = lineStarts.findIndex((start) => start > offset);
    line = (line === -1 ? lineStarts.length : line) - 1;
    return [line, offset - (lineStarts[line] ?? 0)];
  };
  let out = '';
  /** @type {string[][]} */
  const lines = [[]];
  let column = 0;
  let previous = { column: 0, line: 0, originalColumn: 0 };
  /** @param {number} offset */
  const map = (offset) => {
    const [line, originalColumn] = place(offset);
    lines[lines.length - 1]?.push(vlq(column - previous.column) + 'A' + vlq(line - previous.line) + vlq(originalColumn - previous.originalColumn));
    previous = { column, line, originalColumn };
  };
  /** @param {string} text @param {number} from where the text starts in the code (or, when it is new, what it replaces) @param {boolean} own */
  const append = (text, from, own) => {
    map(from);
    let offset = from;
    for (const [i, part] of text.split('\n').entries()) {
      if (i > 0) {
        lines.push([]);
        column = previous.column = 0;
        if (own) map(offset);
      }
      column += part.length;
      offset += part.length + 1;
    }
    out += text;
  };
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    append(code.slice(at, edit.start), at, true);
    append(edit.text, edit.start, false);
    at = edit.end;
  }
  append(code.slice(at), at, true);
  return { code: out, mappings: lines.map((segments) => segments.join(',')).join(';') };
};

/** The plugin: runs after TypeScript is stripped, on the kit's own modules (and its generated locales). */
export const minifyTemplates = () => ({
  name: 'loyalty-minify-templates',
  enforce: /** @type {const} */ ('post'),
  /** @param {string} code @param {string} id */
  transform(code, id) {
    if (!/\/src\/.*\.[jt]s$/.test(id.split('?')[0] ?? '')) return null;
    const edits = editsOf(code);
    if (edits.length === 0) return null;
    const { code: out, mappings } = applyEdits(code, edits);
    return { code: out, map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings } };
  },
});

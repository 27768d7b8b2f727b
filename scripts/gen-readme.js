#!/usr/bin/env node
// The generated parts of README.md (run through scripts/gen-types.js, which also checks them):
//   <!-- api:start --> … <!-- api:end -->          the API tables of every element, from custom-elements.json
//   <!-- gallery:start --> … <!-- gallery:end -->  the table of docs/gallery/ (scripts/gallery-elements.js)
//   <!-- snippet:start <file> --> … <!-- snippet:end -->   the part of a test fixture between
//        `#region readme` and `#endregion` (the whole file without them), so the README shows the
//        code the framework tests run
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { galleryOf } from './gallery-elements.js';
import { ROOT } from './manifest.js';

const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function table(head, rows) {
  if (!rows.length) return '';
  return `| ${head.join(' | ')} |\n| ${head.map(() => '---').join(' | ')} |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n`;
}

/** @param {import('./manifest.js').ElementDoc[]} elements */
export function apiReference(elements) {
  const shared = [...new Set(elements.flatMap((el) => el.cssProperties.filter((p) => p.shared).map((p) => p.name)))];
  let out = '<!-- Generated from custom-elements.json by `npm run generate`: edit the JSDoc in src/, not this. -->\n\n';
  if (shared.length) {
    const readers = elements.filter((el) => el.cssProperties.some((p) => p.shared)).length;
    out += `${
      readers === elements.length
        ? 'Every element'
        : `Every element but ${elements
            .filter((el) => !el.cssProperties.some((p) => p.shared))
            .map((el) => `\`<${el.tag}>\``)
            .join(', ')}`
    } `;
    out += `also reads the shared custom properties (see [Theming](#theming)): ${shared.map((n) => `\`${n}\``).join(', ')}.\n\n`;
  }
  for (const el of elements) {
    const own = el.cssProperties.filter((p) => !p.shared);
    const propertiesOnly = el.properties.filter((p) => !p.attribute);
    const counts = [
      plural(el.attributes.length, 'attribute'),
      plural(propertiesOnly.length, 'more property', 'more properties'),
      plural(el.methods.length, 'method'),
      plural(el.events.length, 'event'),
      plural(el.parts.length, 'part'),
      plural(own.length, 'custom property', 'custom properties'),
    ].filter((c) => !c.startsWith('0 '));
    out += `<details>\n<summary><code>&lt;${el.tag}&gt;</code> (<code>${el.className}</code>): ${counts.join(', ')}</summary>\n\n`;
    if (el.description) out += `${el.description.replace(/\s*\n\s*/g, ' ')}\n\n`;
    out += table(
      ['attribute', 'property', 'type', 'default', 'description'],
      [
        ...el.attributes.map((a) => {
          const p = el.properties.find((p) => p.name === a.fieldName);
          return [code(a.name), code(a.fieldName), code(a.type ?? p?.type), code(a.default ?? p?.default), cell(a.description ?? p?.description)];
        }),
        ...propertiesOnly.map((p) => ['', `${code(p.name)}${p.readonly ? ' (read-only)' : ''}`, code(p.type), code(p.default), cell(p.description)]),
      ],
    );
    out += table(
      ['method', 'signature', 'description'],
      el.methods.map((m) => [code(`${m.name}()`), code(m.type), cell(m.description)]),
    );
    out += table(
      ['event', 'type', 'when'],
      el.events.map((e) => [code(e.name), code(e.type), cell(e.description)]),
    );
    out += table(
      ['part', 'description'],
      el.parts.map((p) => [code(p.name), cell(p.description)]),
    );
    out += table(
      ['custom property', 'description'],
      own.map((p) => [code(p.name), cell(p.description)]),
    );
    out += table(
      ['slot', 'description'],
      el.slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    );
    out += '</details>\n\n';
  }
  return out;
}

/** The gallery's table: each element's light and dark picture, as scripts/gallery.js takes them. */
export function galleryTable(elements) {
  const rows = galleryOf(elements).map(({ tag, html }) => {
    const shown = /^<[^>]*>/.exec(html)[0];
    const image = (scheme) => `![<${tag}>, ${scheme}](docs/gallery/${tag}-${scheme}.png)`;
    return [`\`${shown}\``, image('light'), image('dark')];
  });
  return table(['element', 'light', 'dark'], rows);
}

const FENCE = { '.tsx': 'tsx', '.ts': 'ts', '.js': 'js', '.mjs': 'js', '.vue': 'vue', '.html': 'html' };

/** The `#region readme` part of a fixture file, dedented, in a fenced block. */
export function snippet(path) {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /#region readme\b/.test(l));
  const end = lines.findIndex((l, i) => i > start && /#endregion\b/.test(l));
  if (start >= 0 && end < 0) throw new Error(`${path}: #region readme without #endregion`);
  const body = start >= 0 ? lines.slice(start + 1, end) : lines;
  while (body.length && !body.at(-1)?.trim()) body.pop();
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^ */.exec(l)[0].length));
  return `\`\`\`${FENCE[extname(path)] ?? ''}\n${body.map((l) => l.slice(indent)).join('\n')}\n\`\`\`\n`;
}

/** README text with every generated region rewritten. */
export function readme(elements, text) {
  if (!/<!-- api:start -->[\s\S]*<!-- api:end -->/.test(text)) throw new Error('README.md has no <!-- api:start --> … <!-- api:end --> region');
  return text
    .replace(/(<!-- api:start -->\n)[\s\S]*?(<!-- api:end -->)/, (_, a, b) => a + apiReference(elements) + b)
    .replace(/(<!-- gallery:start -->\n)[\s\S]*?(<!-- gallery:end -->)/, (_, a, b) => a + galleryTable(elements) + b)
    .replace(/(<!-- snippet:start (\S+) -->\n)[\s\S]*?(<!-- snippet:end -->)/g, (_, a, path, b) => a + snippet(path) + b);
}

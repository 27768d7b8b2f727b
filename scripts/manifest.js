// Reads custom-elements.json into the shape the generators need (scripts/gen-types.js,
// scripts/gen-readme.js): one entry per tag, with its class, the module that defines it, and its
// public attributes, properties, methods, events, parts and CSS custom properties.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

export const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/**
 * Runs `npm run analyze`'s analysis without writing anything and returns the manifest as
 * custom-elements.json would hold it: what it should be for the source as it is now.
 */
export async function analyzeFresh() {
  const { scripts } = readJson('package.json');
  const args = splitArgs(scripts.analyze);
  if (args[0] !== 'cem') throw new Error(`"analyze" is expected to run cem: ${scripts.analyze}`);
  // the programmatic entry of the same CLI; `noWrite` (not `--outdir`, which also rewrites
  // package.json's "customElements")
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  const manifest = await cli({ argv: [...args.slice(1), '--quiet'], cwd: ROOT, noWrite: true });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `cem analyze --globs "a b"` → ['cem', 'analyze', '--globs', 'a b'] (double quotes only). */
function splitArgs(command) {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

const isPublic = (m) => !m.static && !m.privacy && !m.name.startsWith('_') && !m.name.startsWith('#');

/**
 * @typedef {{ name: string, type?: string, description?: string, default?: string }} Doc
 * @typedef {{
 *   tag: string, className: string, description: string,
 *   classModule: string, defineModule: string,
 *   attributes: (Doc & { fieldName?: string })[],
 *   properties: (Doc & { attribute?: string, readonly: boolean })[],
 *   methods: Doc[], events: Doc[], parts: Doc[],
 *   cssProperties: (Doc & { shared: boolean })[],
 *   slots: Doc[],
 * }} ElementDoc
 */

/**
 * The kit's elements, `<loyalty-session>` first, then by tag.
 * @param {any} manifest the parsed custom-elements.json
 * @returns {ElementDoc[]}
 */
export function elementsOf(manifest) {
  const modules = manifest.modules ?? [];
  const elements = [];
  for (const mod of modules) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement || !decl.tagName) continue;
      // the module that registers the tag: a define.ts that re-exports the class
      const defineModule = modules.find((m) => m.path.endsWith('/define.ts') && (m.exports ?? []).some((e) => e.name === decl.name))?.path;
      if (!defineModule) throw new Error(`no define.ts module exports ${decl.name} (<${decl.tagName}>)`);
      const members = decl.members ?? [];
      const text = (d) => d.type?.text;
      // an attribute handled by hand (`session-key`) belongs to the property of its camelCase name
      const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      const fieldOf = (a) => a.fieldName ?? members.find((m) => m.kind === 'field' && m.name === camel(a.name))?.name;
      const attributeOf = (m) => m.attribute ?? (decl.attributes ?? []).find((a) => fieldOf(a) === m.name)?.name;
      elements.push({
        tag: decl.tagName,
        className: decl.name,
        description: decl.description ?? '',
        classModule: mod.path,
        defineModule,
        attributes: (decl.attributes ?? []).map((a) => {
          const field = members.find((m) => m.name === fieldOf(a));
          return {
            name: a.name,
            fieldName: fieldOf(a),
            type: text(a) ?? (field && text(field)),
            description: a.description ?? field?.description,
            default: a.default ?? field?.default,
          };
        }),
        properties: members
          .filter((m) => m.kind === 'field' && isPublic(m))
          .map((m) => ({
            name: m.name,
            type: text(m),
            description: m.description,
            default: m.default,
            attribute: attributeOf(m),
            readonly: Boolean(m.readonly),
          })),
        methods: members
          .filter((m) => m.kind === 'method' && isPublic(m))
          .map((m) => ({
            name: m.name,
            description: m.description,
            type: `(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${text(p) ?? 'unknown'}`).join(', ')}) => ${m.return?.type?.text ?? 'void'}`,
          })),
        events: (decl.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, type: text(e), description: e.description })),
        parts: (decl.cssParts ?? []).map((p) => ({ name: p.name, description: p.description })),
        cssProperties: (decl.cssProperties ?? []).map((p) => ({
          name: p.name,
          description: p.description,
          default: p.default,
          shared: Boolean(p.inheritedFrom),
        })),
        slots: (decl.slots ?? []).map((s) => ({ name: s.name, description: s.description })),
      });
    }
  }
  return elements.sort((a, b) => (a.tag === 'loyalty-session' ? -1 : b.tag === 'loyalty-session' ? 1 : a.tag.localeCompare(b.tag)));
}

/** `loyalty-balance` → `LoyaltyBalance`. */
export const pascal = (tag) => tag.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());

/** `loyalty-reward-select` → `onLoyaltyRewardSelect` (the React 18 wrappers' event props). */
export const eventProp = (event) => `on${pascal(event)}`;

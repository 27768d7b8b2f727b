// Read by `cem analyze` (`npm run analyze`). The kit registers its tags with its own
// `define('<tag>', Class)` (src/internal/define.ts), which the analyzer does not know: this plugin
// adds the `custom-element-definition` export the schema describes to each define module, so
// tools that read the manifest find which module defines which tag.
import { posix } from 'node:path';

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  plugins: [
    {
      name: 'loyalty-define-calls',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
        const [tag, ctor] = node.arguments;
        if (!tag || !ts.isStringLiteral(tag) || !ctor || !ts.isIdentifier(ctor)) return;
        // the module the class is imported from
        const from = node
          .getSourceFile()
          .statements.filter(ts.isImportDeclaration)
          .find((i) => i.importClause?.namedBindings?.elements?.some((e) => e.name.text === ctor.text));
        const specifier = from && ts.isStringLiteral(from.moduleSpecifier) ? from.moduleSpecifier.text : undefined;
        const module = specifier ? posix.join(posix.dirname(moduleDoc.path), specifier).replace(/\.js$/, '.ts') : moduleDoc.path;
        (moduleDoc.exports ??= []).push({
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: ctor.text, module },
        });
      },
      // the analyzer's own entry for `customElements.define(tag, ctor)` inside define() names no
      // element ("tag", "ctor"): keep only definitions that point at a class of the manifest
      packageLinkPhase({ customElementsManifest }) {
        // the analyzer's glob walk does not return files in a stable order: sort, so every run
        // (the CLI in the build, the programmatic one in the staleness check) writes the same file
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        const classes = new Set(
          customElementsManifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'class').map((d) => `${m.path}#${d.name}`)),
        );
        for (const m of customElementsManifest.modules) {
          m.exports = m.exports?.filter((e) => e.kind !== 'custom-element-definition' || classes.has(`${e.declaration.module}#${e.declaration.name}`));
        }
      },
    },
  ],
};

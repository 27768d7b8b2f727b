// Whether the translations are complete and the generated locale modules up to date.
//
//   node scripts/localize-check.js     lists the problems and exits 1 if any
//
// Reads the msg() calls of the source with @lit/localize-tools (as `npm run localize:extract`
// does, without writing anything) and compares them with xliff/<locale>.xlf and src/locales/:
// - a msg() with no translation in a target locale (extract, translate, build);
// - a translation unit no msg() uses any more (extract);
// - a translation whose placeholders do not match its source;
// - src/locales/<locale>.ts that differs from what `npm run localize:build` makes of xliff/ now.
// `node scripts/gen-types.js --check` (CI) and test/elements/localized-strings.test.ts run it.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each problem as one line of text; empty when everything is translated and built. */
export async function localeProblems(root = ROOT) {
  const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
  const out = mkdtempSync(join(tmpdir(), 'loyalty-locales-'));
  try {
    const localizer = new RuntimeLitLocalizer({
      ...config,
      output: { ...config.output, outputDir: out, localeCodesModule: join(out, 'locale-codes.ts') },
    });
    const problems = [];
    const { messages, errors } = localizer.extractSourceMessages();
    for (const e of errors) problems.push(`msg() cannot be extracted: ${typeof e.messageText === 'string' ? e.messageText : e.messageText.messageText}`);
    const { translations } = localizer.readTranslationsSync();
    const sourceIds = new Set(messages.map((m) => m.name));
    for (const locale of config.targetLocales) {
      const translated = new Set((translations.get(locale) ?? []).map((m) => m.name));
      for (const m of messages) {
        if (!translated.has(m.name)) {
          const where = `${m.file.fileName.replace(`${root}/`, '')}:${m.file.getLineAndCharacterOfPosition(m.node.getStart()).line + 1}`;
          problems.push(
            `${where}: no ${locale} translation of "${m.contents.map((c) => (typeof c === 'string' ? c : '${…}')).join('')}" (npm run localize:extract, translate xliff/${locale}.xlf, npm run localize:build)`,
          );
        }
      }
      const xlf = readFileSync(join(root, config.interchange.xliffDir, `${locale}.xlf`), 'utf8');
      for (const [, id] of xlf.matchAll(/<trans-unit id="([^"]+)"/g))
        if (!sourceIds.has(id)) problems.push(`xliff/${locale}.xlf: unit ${id} is used by no msg() (npm run localize:extract)`);
    }
    problems.push(...localizer.validateTranslations().errors.map((e) => `translation: ${e}`));
    await localizer.build();
    const dir = join(root, config.output.outputDir);
    for (const file of readdirSync(out)) {
      let committed;
      try {
        committed = readFileSync(join(dir, file), 'utf8');
      } catch {
        committed = undefined;
      }
      if (committed !== readFileSync(join(out, file), 'utf8'))
        problems.push(`${config.output.outputDir}/${file} is out of date with xliff/ (npm run localize:build)`);
    }
    return problems;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await localeProblems();
  if (process.argv.includes('--json')) {
    // for the test runner's plugin (scripts/unlocalized.js); lit-localize's own notes go to stderr
    process.stdout.write(JSON.stringify(problems));
    process.exit(0);
  }
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log('every message is translated and src/locales is up to date');
}

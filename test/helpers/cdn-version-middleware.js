import { readFile } from 'node:fs/promises';

/**
 * Test-runner middleware for test/hardening/two-copies.test.ts: `GET /__cdn-as/<version>/<file>.js`
 * serves `dist/cdn/<file>.js` (the built CDN bundle and the chunks it imports) with the kit's
 * version string (package.json's) replaced by `<version>` — another release of the kit at a path
 * of its own, without a second build. Answers 500 when `loyalty-elements.js` does not contain the
 * version, so such a test cannot pass by accident.
 */
export function cdnAsVersionMiddleware() {
  return async (ctx, next) => {
    const match = /^\/__cdn-as\/([\w.-]+)\/([\w./-]+\.js)$/.exec(ctx.path);
    if (!match || match[2].includes('..')) return next();
    const [, as, file] = match;
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    let source;
    try {
      source = await readFile(new URL(`../../dist/cdn/${file}`, import.meta.url), 'utf8');
    } catch {
      return next(); // a 404
    }
    // the minifier keeps the version as a string literal, in any quotes
    const literal = new RegExp(`([\`'"])${version.replace(/\./g, '\\.')}\\1`, 'g');
    const replaced = source.replace(literal, (_, quote) => `${quote}${as}${quote}`);
    if (file === 'loyalty-elements.js' && replaced === source) {
      ctx.status = 500;
      ctx.body = `dist/cdn/loyalty-elements.js does not contain the version ${version}`;
      return;
    }
    ctx.type = 'application/javascript';
    ctx.body = replaced;
  };
}

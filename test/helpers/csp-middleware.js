/** The policy of issue 8: only the page's own origin, no `unsafe-inline`, no `unsafe-eval`. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/**
 * Test-runner middleware: serves the pages in `paths` (the strict-CSP demo page) with
 * `Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'`, as a
 * merchant's strict server would. Other responses are left as they are.
 * @param {string[]} paths
 */
export function strictCspMiddleware(paths = ['/demo/csp.html']) {
  return async (ctx, next) => {
    await next();
    if (paths.includes(ctx.path)) ctx.set('Content-Security-Policy', STRICT_CSP);
  };
}

/**
 * The Trusted Types directives of test/embedding/trusted-types.test.ts (and classic-script), by the
 * page's `?tt=` parameter: `documented` is the allowlist the README documents, the others refuse
 * the policy of the kit's Lit (`no-duplicates` once the page's own Lit has taken the name).
 */
export const TRUSTED_TYPES = {
  documented: "require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'",
  'no-duplicates': "require-trusted-types-for 'script'; trusted-types lit-html",
  foreign: "require-trusted-types-for 'script'; trusted-types merchant",
};

/**
 * Test-runner middleware: serves the pages in `paths` with the strict policy above plus, when the
 * URL has `?tt=<name>`, the Trusted Types directives of that name (`TRUSTED_TYPES`).
 * @param {string[]} paths
 */
export function trustedTypesMiddleware(
  paths = ['/demo/trusted-types.html', '/demo/trusted-types-own-lit.html', '/demo/classic-script.html', '/demo/classic-script-fr.html'],
) {
  return async (ctx, next) => {
    await next();
    if (!paths.includes(ctx.path)) return;
    const tt = TRUSTED_TYPES[ctx.query.tt];
    ctx.set('Content-Security-Policy', tt ? `${STRICT_CSP}; ${tt}` : STRICT_CSP);
  };
}

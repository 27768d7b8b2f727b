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

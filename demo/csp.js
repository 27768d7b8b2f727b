// The strict-CSP page's own script (demo/csp.html): a classic script in <head>, so it runs before
// the kit and records every Content-Security-Policy violation from the first one, for the page's
// list and for test/hardening/csp.test.ts (window.cspViolations). Errors are recorded too.
window.cspViolations = [];
window.pageErrors = [];

document.addEventListener(
  'securitypolicyviolation',
  (e) => {
    const violation = {
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
    };
    window.cspViolations.push(violation);
    const item = document.createElement('li');
    item.textContent = `${violation.directive} blocked ${violation.blocked} ${violation.sample} (${violation.source})`;
    document.getElementById('violations')?.append(item);
  },
  true,
);
addEventListener('error', (e) => window.pageErrors.push(`uncaught: ${e.message}`));
addEventListener('unhandledrejection', (e) => window.pageErrors.push(`unhandled rejection: ${e.reason}`));

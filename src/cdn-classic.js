/**
 * dist/cdn/loyalty-elements.classic.js — for pages that can only add a classic script (a tag
 * manager, a CMS "add a script" box): `<script src="…/loyalty-elements.classic.js"></script>`,
 * without `type="module"`. It loads the module build beside it, loyalty-elements.js (whose
 * language chunks, locales/*.js, resolve from there), with a dynamic import(): valid in a
 * classic script, allowed by `script-src 'self'` (or the CDN's origin), and not a Trusted Types
 * sink. Copied as is into dist/cdn by `vite build --mode cdn` (vite.config.ts).
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) {
    // loaded as a module after all, or from a script with no src: find the tag by its file name
    var tags = document.querySelectorAll('script[src*="loyalty-elements.classic"]');
    script = tags[tags.length - 1];
  }
  var url = new URL('loyalty-elements.js', script ? script.src : document.baseURI).href;
  import(url).catch(function (error) {
    console.error('loyalty-elements: could not load ' + url, error);
  });
})();

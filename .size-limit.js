// Size budgets (`npm run size`). Bundled entries are measured by esbuild, which would count
// every language the kit can load (`import('./locales/fr.js')`) as part of the page: the language
// files are left external here and measured on their own, as a browser loads them (one, only on a
// page in that language).
const languagesApart = (config) => ({ ...config, external: [...(config.external ?? []), '*/locales/fr.js', '*/locales/es.js', '*/locales/nl.js'] });

export default [
  {
    name: 'CDN bundle (dist/cdn/loyalty-elements.js as served, lit inlined, English), brotli',
    path: 'dist/cdn/loyalty-elements.js',
    limit: '44.7 kB',
    brotli: true,
    disablePlugins: ['@size-limit/esbuild'],
  },
  {
    name: 'CDN bundle, gzip',
    path: 'dist/cdn/loyalty-elements.js',
    limit: '51.3 kB',
    gzip: true,
    disablePlugins: ['@size-limit/esbuild'],
  },
  {
    name: "import 'loyalty-elements' (everything, with lit), brotli",
    path: 'dist/index.js',
    import: '*',
    limit: '46.5 kB',
  },
  {
    name: "import 'loyalty-elements/loyalty-balance' (with lit), brotli",
    path: 'dist/elements/loyalty-balance/define.js',
    import: '*',
    limit: '16.3 kB',
  },
  {
    name: "import 'loyalty-elements/reward-progress' (with lit), brotli",
    path: 'dist/elements/reward-progress/define.js',
    import: '*',
    limit: '17.3 kB',
  },
  {
    name: "import 'loyalty-elements/transaction-history' (with lit), brotli",
    path: 'dist/elements/transaction-history/define.js',
    import: '*',
    limit: '16.6 kB',
  },
  {
    name: "import 'loyalty-elements/checkin-code' (with lit, QR and Code 128 encoders), brotli",
    path: 'dist/elements/checkin-code/define.js',
    import: '*',
    limit: '20 kB',
  },
  {
    name: "import 'loyalty-elements/loyalty-sign-in' (with lit), brotli",
    path: 'dist/elements/loyalty-sign-in/define.js',
    import: '*',
    limit: '15.8 kB',
  },
  {
    name: "import 'loyalty-elements/profile-form' (with lit), brotli",
    path: 'dist/elements/profile-form/define.js',
    import: '*',
    limit: '17.9 kB',
  },
  {
    name: "import 'loyalty-elements/account-deletion' (with lit), brotli",
    path: 'dist/elements/account-deletion/define.js',
    import: '*',
    limit: '16.5 kB',
  },
  {
    name: "import 'loyalty-elements/card-wallet' (with lit), brotli",
    path: 'dist/elements/card-wallet/define.js',
    import: '*',
    limit: '19.4 kB',
  },
  {
    name: "import 'loyalty-elements/loyalty-session' (with lit), brotli",
    path: 'dist/session/define.js',
    import: '*',
    limit: '22.1 kB',
  },
  {
    name: "import { createClient } from 'loyalty-elements/api', brotli",
    path: 'dist/api/index.js',
    import: '{ createClient }',
    limit: '2.5 kB',
  },
  {
    name: "import 'loyalty-elements/api' (client, cache, adapters), brotli",
    path: 'dist/api/index.js',
    import: '*',
    limit: '10.4 kB',
  },
  {
    name: 'CDN autoloader (dist/cdn/autoloader.js, as served: no Lit inside), brotli',
    path: 'dist/cdn/autoloader.js',
    disablePlugins: ['@size-limit/esbuild'],
    brotli: true,
    limit: '0.75 kB',
  },
  {
    name: 'everything the autoloader can load (dist/cdn/elements/*.js + chunks/*.js, as served; languages apart), brotli',
    path: ['dist/cdn/elements/*.js', 'dist/cdn/chunks/*.js'],
    disablePlugins: ['@size-limit/esbuild'],
    brotli: true,
    limit: '55.1 kB',
  },
  {
    name: 'one language beside the CDN bundle (dist/cdn/locales/fr.js, fetched only on a French page), brotli',
    path: 'dist/cdn/locales/fr.js',
    disablePlugins: ['@size-limit/esbuild'],
    brotli: true,
    limit: '4.4 kB',
  },
  {
    name: "import { LoyaltyBalance } from 'loyalty-elements/react' (with lit and @lit/react; react not counted), brotli",
    path: 'dist/react/index.js',
    import: '{ LoyaltyBalance }',
    ignore: ['react'],
    limit: '16.4 kB',
  },
].map((entry) => (entry.disablePlugins ? entry : { ...entry, modifyEsbuildConfig: languagesApart }));

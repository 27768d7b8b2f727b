// @ts-check
/**
 * loyalty-elements/sandbox: an in-memory emulator of the Spoonity consumer API and of the Spaaza
 * API, with seeded members and fault injection. Mount it in Vite, in @web/test-runner (Koa) or run it standalone.
 */
import { createServer } from 'node:http';
import { control } from './control.js';
import { applyFault, parseFault, takeRuleFault } from './faults.js';
import { cors, envelope, send, sendError } from './http.js';
import { createState, memberBySession, resetState } from './state.js';
import { spaazaApi } from './spaaza.js';
import { spoonity } from './spoonity.js';

export { MEMBERS } from './members.js';
export { SPAAZA_MEMBERS } from './spaaza-members.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */
/** @typedef {{ prefix?: string }} SandboxOptions */

const LOG_SIZE = 500;

/**
 * A sandbox with its own state. `handle` answers `<prefix>/spoonity/…`, `<prefix>/spaaza/…` and `<prefix>/__sandbox/…`
 * and resolves `true`; for any other path it resolves `false` without touching the response.
 * @param {SandboxOptions} [options]
 */
export function createSandbox({ prefix = '' } = {}) {
  const base = prefix.replace(/\/+$/, '');
  const state = createState();

  /** @returns {Promise<boolean>} */
  async function handle(/** @type {Req} */ req, /** @type {Res} */ res) {
    const pathname = (req.url ?? '/').split('?')[0];
    const area = pathname.startsWith(base) ? /^\/(spoonity|spaaza|__sandbox)(\/.*)?$/.exec(pathname.slice(base.length)) : null;
    if (!area) return false;
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return true;
    }
    const secure = 'encrypted' in req.socket || req.headers['x-forwarded-proto'] === 'https';
    const url = new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
    const ctx = { state, req, url, path: area[2] ?? '/' };
    if (area[1] === '__sandbox') await answer(res, () => control(ctx));
    else await serveApi(ctx, res, area[1] === 'spaaza' ? spaazaApi : SPOONITY_API);
    return true;
  }

  /** Logs the request, acts out any fault (in the platform's error envelope), then routes it. */
  async function serveApi(/** @type {{ state: typeof state, req: Req, url: URL, path: string }} */ ctx, /** @type {Res} */ res, /** @type {Api} */ api) {
    const { req, url, path } = ctx;
    const method = req.method ?? 'GET';
    const { sessionKey, member, email } = api.identify(ctx);
    const query = Object.fromEntries([...url.searchParams].map(([k, v]) => [k, k === 'session_key' || k === 'api_key' ? '***' : v]));
    /** @type {import('./state.js').LogEntry} */
    const entry = { method, path, query, member: email ?? null, status: null, at: new Date().toISOString() };
    state.log.push(entry);
    if (state.log.length > LOG_SIZE) state.log.shift();
    await answer(
      res,
      async () => {
        const fault = {
          ...takeRuleFault(state.rules, { method, path, email: email ?? undefined }),
          ...parseFault(/** @type {string | undefined} */ (req.headers['x-sandbox-fault']) ?? url.searchParams.get('_fault')),
        };
        const expire = () => sessionKey !== null && api.expire(state, sessionKey);
        return (await applyFault(fault, req, res, expire, api.envelope)) ? ANSWERED : api.route({ ...ctx, sessionKey, member, entry });
      },
      api.envelope,
    );
    entry.status = res.headersSent ? res.statusCode : null;
    entry.done = true; // answered, failed or dropped: no longer held (a latency fault holds it until then)
  }

  return { handle, reset: () => void resetState(state), state };
}

const ANSWERED = Symbol('answered');

/**
 * One emulated platform: who the request's session belongs to (and the email the log and fault
 * rules name), how a session is ended by a `status=401` fault, its routes, and its error envelope.
 * @typedef {{ identify(ctx: { state: import('./state.js').State, req: Req, url: URL }): { sessionKey: string | null, member: any, email?: string | null },
 *   expire(state: import('./state.js').State, sessionKey: string): void, route(ctx: any): unknown, envelope?: import('./http.js').ErrorEnvelope }} Api
 */

/** @type {Api} */
const SPOONITY_API = {
  identify: ({ state, url }) => {
    const sessionKey = url.searchParams.get('session_key');
    const member = memberBySession(state, sessionKey);
    return { sessionKey, member, email: member?.email_address };
  },
  expire: (state, sessionKey) => void state.sessions.delete(sessionKey),
  route: spoonity,
};

/** Sends what `produce` returns as JSON (`undefined` = empty body), or its error in the envelope. */
async function answer(/** @type {Res} */ res, /** @type {() => unknown} */ produce, /** @type {import('./http.js').ErrorEnvelope} */ toEnvelope = envelope) {
  try {
    const body = await produce();
    if (body !== ANSWERED) send(res, 200, body);
  } catch (error) {
    sendError(res, error, toEnvelope);
  }
}

/**
 * Vite plugin: mounts the sandbox in the dev server (default prefix `/sandbox`).
 * @param {SandboxOptions} [options]
 */
export function sandboxVitePlugin({ prefix = '/sandbox' } = {}) {
  const sandbox = createSandbox({ prefix });
  return {
    name: 'loyalty-sandbox',
    /** @param {{ middlewares: { use(fn: (req: Req, res: Res, next: () => void) => void): void } }} server */
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (!(await sandbox.handle(req, res))) next();
      });
    },
  };
}

/**
 * Koa middleware for @web/test-runner's `middleware` option (default prefix `/sandbox`).
 * @param {SandboxOptions} [options]
 */
export function sandboxKoaMiddleware({ prefix = '/sandbox' } = {}) {
  const sandbox = createSandbox({ prefix });
  /** @param {{ req: Req, res: Res, respond?: boolean }} ctx @param {() => Promise<unknown>} next */
  return async (ctx, next) => {
    if (await sandbox.handle(ctx.req, ctx.res)) ctx.respond = false;
    else await next();
  };
}

/**
 * Runs the sandbox on its own HTTP server. Other paths answer 404 "No route found".
 * @param {{ port?: number, host?: string, prefix?: string }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startSandbox({ port = 8787, host = '127.0.0.1', prefix = '' } = {}) {
  const sandbox = createSandbox({ prefix });
  const server = createServer(async (req, res) => {
    if (await sandbox.handle(req, res)) return;
    cors(req, res);
    send(res, 404, envelope(404, 'No route found'));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const shownHost = ['0.0.0.0', '::'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}${prefix.replace(/\/+$/, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

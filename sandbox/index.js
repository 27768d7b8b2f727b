// @ts-check
/**
 * loyalty-elements/sandbox: an in-memory emulator of the Spoonity consumer API, with seeded
 * members and fault injection. Mount it in Vite, in @web/test-runner (Koa) or run it standalone.
 */
import { createServer } from 'node:http';
import { control } from './control.js';
import { applyFault, parseFault, takeRuleFault } from './faults.js';
import { cors, envelope, send, sendError } from './http.js';
import { createState, memberBySession, resetState } from './state.js';
import { spoonity } from './spoonity.js';

export { MEMBERS } from './members.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */
/** @typedef {{ prefix?: string }} SandboxOptions */

const LOG_SIZE = 500;

/**
 * A sandbox with its own state. `handle` answers `<prefix>/spoonity/…` and `<prefix>/__sandbox/…`
 * and resolves `true`; for any other path it resolves `false` without touching the response.
 * @param {SandboxOptions} [options]
 */
export function createSandbox({ prefix = '' } = {}) {
  const base = prefix.replace(/\/+$/, '');
  const state = createState();

  /** @returns {Promise<boolean>} */
  async function handle(/** @type {Req} */ req, /** @type {Res} */ res) {
    const pathname = (req.url ?? '/').split('?')[0];
    const area = pathname.startsWith(base) ? /^\/(spoonity|__sandbox)(\/.*)$/.exec(pathname.slice(base.length)) : null;
    if (!area) return false;
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return true;
    }
    const secure = 'encrypted' in req.socket || req.headers['x-forwarded-proto'] === 'https';
    const url = new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
    const ctx = { state, req, url, path: area[2] };
    if (area[1] === '__sandbox') await answer(res, () => control(ctx));
    else await serveSpoonity(ctx, res);
    return true;
  }

  /** Logs the request, acts out any fault, then routes it. */
  async function serveSpoonity(/** @type {{ state: typeof state, req: Req, url: URL, path: string }} */ ctx, /** @type {Res} */ res) {
    const { req, url, path } = ctx;
    const method = req.method ?? 'GET';
    const sessionKey = url.searchParams.get('session_key');
    const member = memberBySession(state, sessionKey);
    const query = Object.fromEntries([...url.searchParams].map(([k, v]) => [k, k === 'session_key' ? '***' : v]));
    /** @type {import('./state.js').LogEntry} */
    const entry = { method, path, query, member: member?.email_address ?? null, status: null, at: new Date().toISOString() };
    state.log.push(entry);
    if (state.log.length > LOG_SIZE) state.log.shift();
    await answer(res, async () => {
      const fault = {
        ...takeRuleFault(state.rules, { method, path, email: member?.email_address }),
        ...parseFault(/** @type {string | undefined} */ (req.headers['x-sandbox-fault']) ?? url.searchParams.get('_fault')),
      };
      const expire = () => sessionKey !== null && state.sessions.delete(sessionKey);
      return (await applyFault(fault, req, res, expire)) ? ANSWERED : spoonity({ ...ctx, sessionKey, member, entry });
    });
    entry.status = res.headersSent ? res.statusCode : null;
  }

  return { handle, reset: () => void resetState(state), state };
}

const ANSWERED = Symbol('answered');

/** Sends what `produce` returns as JSON (`undefined` = empty body), or its error in the envelope. */
async function answer(/** @type {Res} */ res, /** @type {() => unknown} */ produce) {
  try {
    const body = await produce();
    if (body !== ANSWERED) send(res, 200, body);
  } catch (error) {
    sendError(res, error);
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

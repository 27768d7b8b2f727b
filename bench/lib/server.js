// @ts-check
/**
 * The benchmark's one origin, on loopback only: the sandbox at /sandbox (its own state, apart from
 * any other sandbox running on this machine), the built kit at /dist/… and the pages at /bench/….
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createSandbox } from '../../sandbox/index.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * @param {{ root: string, dist?: string }} options the repository root; `dist`: where /dist/ is
 *   served from (default `<root>/dist`). Only /dist/… and /bench/pages/… are served.
 * @returns {Promise<{ origin: string, sandbox: ReturnType<typeof createSandbox>, close(): Promise<void> }>}
 */
export async function startBenchServer({ root, dist = join(root, 'dist') }) {
  /** URL prefix → folder on disk */
  const SERVED = [
    ['dist', dist],
    ['bench/pages', join(root, 'bench/pages')],
  ];
  const sandbox = createSandbox({ prefix: '/sandbox' });
  const server = createServer(async (req, res) => {
    if (await sandbox.handle(req, res)) return;
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const rel = normalize(pathname).replace(/^[/\\]+/, '');
    const served = SERVED.find(([prefix]) => rel.startsWith(prefix + '/') || rel.startsWith(prefix + sep));
    const file = served ? join(served[1], rel.slice(served[0].length + 1)) : '';
    const info = served && (req.method === 'GET' || req.method === 'HEAD') ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      'Content-Length': info.size,
      // each run uses a fresh browser context (empty cache) anyway; this keeps reloads honest too
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    sandbox,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// @ts-check
/**
 * The sandbox CLI as a developer runs it (`npx loyalty-sandbox`): Node's own test runner, run by
 * .ci/run (`node --test test/node/`), since the browser suite cannot start processes.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const CLI = new URL('../../sandbox/cli.js', import.meta.url).pathname;

/** Runs the CLI with `args` until it exits, or until `until(stdout)` matches (then it is stopped). */
async function run(/** @type {string[]} */ args, /** @type {RegExp | undefined} */ until = undefined) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = once(child, 'exit');
  if (until) {
    while (!until.test(stdout) && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    return { stdout, stderr, child, match: until.exec(stdout) };
  }
  const [code] = await exited;
  return { stdout, stderr, code, child, match: null };
}

test('a port in use is reported as such, not with the usage text', async () => {
  const busy = createServer().listen(0, '127.0.0.1');
  await once(busy, 'listening');
  const port = /** @type {import('node:net').AddressInfo} */ (busy.address()).port;
  try {
    const { code, stderr } = await run(['--port', String(port)]);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`Port ${port} is in use: pass --port`));
    assert.doesNotMatch(stderr, /Usage:/);
  } finally {
    busy.close();
  }
});

test('a wrong argument is still answered with the usage text', async () => {
  const { code, stderr } = await run(['--port', 'abc']);
  assert.equal(code, 1);
  assert.match(stderr, /--port must be 0-65535/);
  assert.match(stderr, /Usage: loyalty-sandbox/);
});

test('the printed Control URL answers with an index of the control routes', async () => {
  const { child, match } = await run(['--port', '0', '--prefix', 'sb'], /Control:\s+(\S+)/);
  try {
    assert.ok(match, 'a Control line');
    const res = await fetch(match[1]);
    assert.equal(res.status, 200);
    const index = await res.json();
    const listed = index.routes.map((/** @type {{ method: string, path: string }} */ r) => `${r.method} ${r.path}`);
    for (const route of ['GET /sb/__sandbox/faults', 'POST /sb/__sandbox/reset', 'GET /sb/__sandbox/log', 'GET /sb/__sandbox/members'])
      assert.ok(listed.includes(route), route);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

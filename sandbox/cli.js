#!/usr/bin/env node
// @ts-check
/** `npx loyalty-sandbox [--port 8787] [--host 127.0.0.1] [--prefix ""]`: the sandbox as a standalone server. */
import { parseArgs } from 'node:util';
import { MEMBERS, SPAAZA_MEMBERS, startSandbox } from './index.js';

const USAGE = `Usage: loyalty-sandbox [--port 8787] [--host 127.0.0.1] [--prefix /path]
Runs an in-memory emulator of the Spoonity consumer API (vendor 1234) and of the Spaaza API
(app acme.spaaza.com, chain 1234) with seeded members.`;

/** An error of the arguments: the message and the usage. */
class UsageError extends Error {}

/** @type {number | undefined} */
let port;
try {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      prefix: { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${values.port}"`);
  const prefix = values.prefix && !values.prefix.startsWith('/') ? `/${values.prefix}` : values.prefix;
  const server = await startSandbox({ port, host: values.host, prefix });
  console.log(`Loyalty sandbox listening on ${server.url}
  Spoonity API:  ${server.url}/spoonity   (vendor 1234, e.g. POST ${server.url}/spoonity/user/authenticate)
  Spaaza API:    ${server.url}/spaaza     (X-Spaaza-MyPrice-App-Hostname: acme.spaaza.com, chain 1234, e.g. POST ${server.url}/spaaza/auth/login)
  Control:       ${server.url}/__sandbox/  (opening it lists the control routes: faults, reset, log, deletion-code, members)

Members:`);
  for (const m of MEMBERS) console.log(`  ${m.email.padEnd(24)} ${m.password}   ${m.name}: ${m.description}`);
  console.log('\nSpaaza members:');
  for (const m of SPAAZA_MEMBERS) console.log(`  ${m.email.padEnd(24)} ${m.password}   ${m.name}: ${m.description}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') console.error(`loyalty-sandbox: Port ${port} is in use: pass --port <another port> (or --port 0 for any free one).`);
  else if (code === 'EACCES') console.error(`loyalty-sandbox: Port ${port} needs privileges this user lacks: pass --port <a port above 1023>.`);
  else if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    console.error(`loyalty-sandbox: Cannot listen on that --host (${error instanceof Error ? error.message : error}).`);
  // parseArgs' own errors (an unknown option, a missing value) and ours: the message, then how to call it
  else if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')))
    console.error(`loyalty-sandbox: ${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  else console.error(`loyalty-sandbox: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

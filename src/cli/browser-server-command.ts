import { networkInterfaces } from 'node:os';
import { DEFAULT_BROWSER_SERVER_PORT } from '../browser/ws-endpoint.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError, untilInterrupted } from './args.js';

export const BROWSER_SERVER_HELP = `Usage: trajsynth browser-server [--port P] [--host H] [--ws-path PATH]

Serve headless Chromium to runs on other machines (or other processes): \`synth --browser WS\` and
\`eval --browser WS\` run their episodes here instead of launching a browser of their own. Each
connecting run gets a Chromium of its own (this machine's, as \`trajsynth synth\` would launch it),
closed when the run disconnects. The first line printed is the endpoint to pass to --browser:
  browser server listening on ws://127.0.0.1:${DEFAULT_BROWSER_SERVER_PORT}/3f2a…
The bundled apps stay on the machine running synth: a page's requests to loopback addresses
(127.0.0.1, localhost) go back through the connection to that machine; other addresses are reached
from here. Runs until Ctrl-C or SIGTERM, which closes every browser.

Flags:
  --port P         port to listen on (default ${DEFAULT_BROWSER_SERVER_PORT}; 0 for any free port)
  --host H         address to listen on (default 127.0.0.1: this machine only). --host 0.0.0.0
                   exposes it to the network: anyone who can reach the port can drive its browsers
                   (and through them act as this machine's user), so use it only on a trusted
                   network or behind a firewall; or keep 127.0.0.1 and connect through an SSH
                   tunnel (ssh -N -L ${DEFAULT_BROWSER_SERVER_PORT}:127.0.0.1:${DEFAULT_BROWSER_SERVER_PORT} THIS_HOST)
  --ws-path PATH   the endpoint's path (default: a random one at each start). Fix it to an
                   unguessable token (e.g. "$(openssl rand -hex 16)") to keep the endpoint across
                   restarts: a run whose browser server went away reconnects to it when it is back
                   on the same port (within 30 s, TRAJSYNTH_RECONNECT_SECONDS)
`;

export async function browserServerCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'browser-server',
    argv,
    { port: { type: 'string' }, host: { type: 'string' }, 'ws-path': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    false,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(BROWSER_SERVER_HELP);
    return 0;
  }
  const port = integerFlag('port', stringFlag(parsed, 'port'), DEFAULT_BROWSER_SERVER_PORT, { min: 0, max: 65_535 });
  const host = stringFlag(parsed, 'host') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host))
    throw new UsageError(`Expected --host to be an address or host name of this machine, got "${host}". Example: --host 0.0.0.0`);
  const wsPath = stringFlag(parsed, 'ws-path');
  if (wsPath !== undefined && !/^\/?[A-Za-z0-9._~\-/]+$/.test(wsPath)) {
    throw new UsageError(
      `Expected --ws-path to be letters, digits and . _ ~ - /, got "${wsPath}". Example: --ws-path "$(openssl rand -hex 16)"`,
    );
  }
  const { startBrowserServer } = await import('../browser/browser-server.js');
  const server = await startBrowserServer({ port, host, ...(wsPath !== undefined ? { wsPath } : {}), signal });
  try {
    const lines = [`browser server listening on ${server.wsEndpoint}`];
    const url = new URL(server.wsEndpoint);
    const unspecified = url.hostname === '0.0.0.0' || url.hostname === '[::]';
    const reachable = unspecified ? externalAddresses().map((address) => `${url.protocol}//${address}:${url.port}${url.pathname}`) : [];
    for (const endpoint of reachable) lines.push(`  from other machines: ${endpoint}`);
    lines.push(
      `  Chromium ${server.version} (${server.executablePath}), one browser per connecting run`,
      `  use: trajsynth synth --browser ${reachable[0] ?? server.wsEndpoint} ...`,
      'Ctrl-C to stop',
      '',
    );
    process.stdout.write(lines.join('\n'));
    await untilInterrupted(signal);
    process.stderr.write('browser server stopping: closing its browsers\n');
  } finally {
    await server.close();
  }
  return 0;
}

/** This machine's addresses other machines may reach it at (not loopback). */
function externalAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && (entry.family === 'IPv4' || !entry.address.startsWith('fe80')))
    .map((entry) => (entry.family === 'IPv6' ? `[${entry.address}]` : entry.address));
}

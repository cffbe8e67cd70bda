/**
 * `trajsynth browser-server` as a child process, optionally on a network of its own (`unshare
 * --net`, as root on Linux): its Chromium then has a loopback of its own, like a browser on another
 * machine, and the bundled apps a run serves on this machine's 127.0.0.1 are reachable only through
 * the connection (exposeNetwork). The isolated server is reached over a unix socket (a file, which
 * both network namespaces see), relayed to a TCP port on each side.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { CLI, ROOT } from './cli.js';
import { descendants } from './faults.js';

/** Whether this machine lets the test start a process on a network of its own. */
export function canIsolateNetwork(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('unshare', ['--net', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

const INNER_PORT = 9333;
const LISTENING = /^browser server listening on (ws:\/\/\S+)$/m;
/** Forwards connections on a unix socket (argv[1]) to a TCP port on 127.0.0.1 (argv[2]): run inside the namespace. */
const INNER_RELAY = `const net = require('node:net');
const [path, port] = process.argv.slice(1);
net.createServer((client) => { const target = net.connect(Number(port), '127.0.0.1'); client.pipe(target); target.pipe(client); client.on('error', () => target.destroy()); target.on('error', () => client.destroy()); }).listen(path);`;

export interface ServerStartOptions {
  /** Port to listen on (0: any free one); an isolated server listens on its own network's 9333 and is reached on a relayed port. */
  port?: number;
  wsPath?: string;
  /** On a network of its own (see canIsolateNetwork). */
  isolated?: boolean;
  /** With isolated: the unix socket the relays meet at. */
  socketPath?: string;
}

export class BrowserServerProcess {
  private constructor(
    readonly child: ChildProcess,
    /** The endpoint to pass to --browser (through the relay for an isolated server). */
    readonly wsEndpoint: string,
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>,
    private readonly relay: Server | undefined,
    private readonly socketPath: string | undefined,
  ) {}

  get port(): number {
    return Number(new URL(this.wsEndpoint).port);
  }

  get wsPath(): string {
    return new URL(this.wsEndpoint).pathname;
  }

  static async start(options: ServerStartOptions = {}): Promise<BrowserServerProcess> {
    const isolated = options.isolated === true;
    const flags = [
      'browser-server',
      '--port',
      String(isolated ? INNER_PORT : (options.port ?? 0)),
      ...(options.wsPath ? ['--ws-path', options.wsPath] : []),
    ];
    let child: ChildProcess;
    let relay: Server | undefined;
    if (isolated) {
      if (!options.socketPath) throw new Error('Expected a socketPath for an isolated browser server');
      await rm(options.socketPath, { force: true });
      const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
      const script = `ip link set lo up && ${quoted(process.execPath)} -e ${quoted(INNER_RELAY)} ${quoted(options.socketPath)} ${INNER_PORT} >/dev/null 2>&1 & exec ${quoted(process.execPath)} ${quoted(CLI)} ${flags.map(quoted).join(' ')}`;
      // Its own process group: the relay inside goes with the server when the group is killed. The
      // relay keeps none of the server's output pipes open, so the server's end is seen when it exits.
      child = spawn('unshare', ['--net', 'sh', '-c', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      relay = await hostRelay(options.socketPath, options.port ?? 0);
    } else {
      child = spawn(process.execPath, [CLI, ...flags], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    }
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    const printed = await Promise.race([
      new Promise<string>((resolve) => {
        const look = () => {
          const match = LISTENING.exec(stdout);
          if (match) resolve(match[1]!);
        };
        child.stdout!.on('data', look);
      }),
      exited.then((result) => {
        throw new Error(`Expected the browser server to start, got exit ${result.code ?? result.signal}: ${result.stderr}`);
      }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`Expected the browser server to start within 60 s, got: ${stdout}${stderr}`)), 60_000).unref(),
      ),
    ]).catch(async (error: unknown) => {
      killGroup(child, 'SIGKILL');
      relay?.close();
      throw error;
    });
    const url = new URL(printed);
    if (relay) url.port = String((relay.address() as { port: number }).port);
    return new BrowserServerProcess(child, url.toString(), exited, relay, options.socketPath);
  }

  /** The Chromium processes the server runs (for the runs connected to it), by pid. */
  processes(): number[] {
    return this.child.pid === undefined
      ? []
      : descendants(this.child.pid)
          .filter((row) => /chrom/i.test(row.args))
          .map((row) => row.pid);
  }

  /** The server (and, isolated, the relay beside it) dies at once, as a machine that goes away. */
  kill(): void {
    killGroup(this.child, 'SIGKILL');
  }

  /** Ctrl-C's twin: the server closes its browsers and exits. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
    this.child.kill('SIGTERM');
    const result = await this.exited;
    killGroup(this.child, 'SIGKILL');
    return result;
  }

  /** Stops everything this started, whatever state it is in. */
  async dispose(): Promise<void> {
    killGroup(this.child, 'SIGKILL');
    await this.exited;
    await new Promise((resolve) => (this.relay ? this.relay.close(resolve) : resolve(undefined)));
    if (this.socketPath) await rm(this.socketPath, { force: true });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** On this side: a TCP port on 127.0.0.1 forwarded to the unix socket. */
async function hostRelay(socketPath: string, port: number): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const target = createConnection(socketPath);
    for (const socket of [client, target]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(target);
    target.pipe(client);
    client.on('error', () => target.destroy());
    target.on('error', () => client.destroy());
  });
  const close = server.close.bind(server);
  server.close = (callback) => {
    for (const socket of sockets) socket.destroy();
    return close(callback);
  };
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return server;
}

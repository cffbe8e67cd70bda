/**
 * A redis-server of the test's own, on 127.0.0.1 and a free port, with no persistence (`--save ''
 * --appendonly no`) and its working directory in a temp dir: started, restarted on the same port (the
 * "Redis restarted mid-run" fault: a restart without persistence starts empty), and stopped in the
 * test's `finally`.
 *
 *   const redis = await startRedis();
 *   try { ... redis.url ... await redis.restart(); ... } finally { await redis.stop(); }
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRedis {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  pid(): number | undefined;
  /** Stops the server (SIGKILL when `hard`) and starts a new one on the same port; it starts empty. */
  restart(options?: { downMs?: number; hard?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export function redisServerPath(): string {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) {
    throw new Error(
      "Expected redis-server on the PATH for the queue tests, found none. Run `bash scripts/setup.sh` (it installs Debian's redis-server), or `apt-get install -y redis-server`.",
    );
  }
  return path;
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Sends PING over a raw socket; true when +PONG comes back. */
function ping(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

export async function startRedis(options: { port?: number } = {}): Promise<TestRedis> {
  const binary = redisServerPath();
  const dir = await mkdtemp(join(tmpdir(), 'trajsynth-redis-'));
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    output = '';
    const started = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    started.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child = started;
    const deadline = Date.now() + 15_000;
    while (!(await ping(port))) {
      if (started.exitCode !== null)
        throw new Error(`Expected redis-server to start on 127.0.0.1:${port}, got exit code ${started.exitCode}:\n${output}`);
      if (Date.now() > deadline)
        throw new Error(`Expected redis-server to answer PING on 127.0.0.1:${port} within 15 s, got no answer:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const kill = async (signal: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    const timer = setTimeout(() => running.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    restart: async ({ downMs = 500, hard = true } = {}) => {
      await kill(hard ? 'SIGKILL' : 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    stop: async () => {
      await kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

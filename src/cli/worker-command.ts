import { isTrajsynthError } from '../core/errors.js';
import {
  BROWSER_FLAG_OPTIONS,
  booleanFlag,
  browserEndpointFlag,
  browserFlagHelp,
  integerFlag,
  parseCommandArgs,
  stringFlag,
  UsageError,
} from './args.js';
import { connectRemoteBrowser } from './remote-browser.js';
import { workerEventText } from './queue-text.js';

export const WORKER_HELP = `Usage: trajsynth worker --queue URL [--concurrency C] [--browser ws://HOST:PORT/PATH] [--quiet]

Take chain jobs (from \`synth --queue URL\`) and evaluation episodes (from \`eval --queue URL\`) of
any run from the Redis queue at URL, and run each with the same code as a local run, until Ctrl-C
(chains in flight then go back to the queue for another worker). The store a job names (--out of
its run) must be a directory this machine shares with the follower; the bundled apps run here.

Flags:
  --queue URL         the Redis server of the queue: redis://HOST:PORT (required)
  --concurrency C     jobs at once, in one browser (default 2)
${browserFlagHelp(22)}
  --quiet             no line per job
Model-backed roles use the keys and base URLs of this machine's environment (ANTHROPIC_API_KEY,
OPENAI_BASE_URL, ...). TRAJSYNTH_QUEUE_STALL_MS: how long a job's lock lasts without renewal before
another worker takes the job over (default 30000); every worker should use the same value.
`;

export async function workerCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'worker',
    argv,
    {
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      quiet: { type: 'boolean' },
      ...BROWSER_FLAG_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(WORKER_HELP);
    return 0;
  }
  const url = stringFlag(parsed, 'queue');
  if (!url) throw new UsageError('Expected --queue URL (the Redis server of the queue, e.g. --queue redis://127.0.0.1:6379)');
  const concurrency = integerFlag('concurrency', stringFlag(parsed, 'concurrency'), 2, { min: 1, max: 64 });
  const { runQueueWorker, parseRedisUrl } = await import('../queue/index.js');
  try {
    parseRedisUrl(url);
  } catch (error) {
    if (isTrajsynthError(error)) throw new UsageError(`${error.message}. ${error.hint ?? ''}`.trim());
    throw error;
  }
  const quiet = booleanFlag(parsed, 'quiet');
  // A browser server's Chromium instead of a local one; it reconnects by itself after a drop.
  const browser = await connectRemoteBrowser(browserEndpointFlag(parsed), signal);
  try {
    await runQueueWorker({
      url,
      concurrency,
      signal,
      ...(browser ? { browser } : {}),
      onEvent: (event) => {
        if (!quiet || event.type === 'connection') process.stderr.write(`${workerEventText(event)}\n`);
      },
    });
  } finally {
    await browser?.close();
  }
  return 0;
}

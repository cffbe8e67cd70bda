import { isTrajsynthError } from '../core/errors.js';
import { booleanFlag, parseCommandArgs, UsageError } from './args.js';
import { queueStatusText } from './queue-text.js';

export const QUEUE_STATUS_HELP = `Usage: trajsynth queue-status URL [--json]

Jobs of each run on the Redis queue at URL (redis://HOST:PORT): waiting, active, delayed (waiting to
be retried), completed, failed, and how often one was found stalled (its worker killed or cut off)
and handed on; and the workers seen, with host, pid, concurrency, active jobs and last heartbeat.
`;

export async function queueStatusCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs('queue-status', argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(QUEUE_STATUS_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      `Expected one URL argument (redis://HOST:PORT), got ${parsed.positionals.length}. Usage: trajsynth queue-status URL [--json]`,
    );
  const { queueStatus, parseRedisUrl } = await import('../queue/index.js');
  try {
    parseRedisUrl(parsed.positionals[0]!, 'URL');
  } catch (error) {
    if (isTrajsynthError(error)) throw new UsageError(`${error.message}. ${error.hint ?? ''}`.trim());
    throw error;
  }
  const status = await queueStatus(parsed.positionals[0]!, { signal });
  process.stdout.write(booleanFlag(parsed, 'json') ? `${JSON.stringify(status, null, 2)}\n` : queueStatusText(status));
  return 0;
}

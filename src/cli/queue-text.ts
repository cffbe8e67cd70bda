import type { FollowEvent, QueueStatus, WorkerEvent } from '../queue/index.js';
import { formatDuration } from './progress.js';

/** One line for the follower's queue news. */
export function followEventText(event: FollowEvent, url: string, outDir: string): string {
  switch (event.type) {
    case 'enqueued':
      return `queue: ${event.added} ${event.unit} job(s) enqueued on ${event.url}${event.alreadyQueued ? `, ${event.alreadyQueued} already queued` : ''}${event.kept ? `, ${event.kept} ${event.unit}(s) kept` : ''}; workers: trajsynth worker --queue ${url}`;
    case 'connection':
      return event.state === 'lost'
        ? `queue: lost the connection to ${event.url}${event.error ? ` (${event.error})` : ''}; reconnecting…`
        : `queue: reconnected to ${event.url}`;
    case 'requeued':
      return `queue: ${event.item} enqueued again: ${event.reason}`;
    case 'stalled':
      return `queue: ${event.item} stalled (its worker stopped answering); handed to another worker`;
    case 'no-workers':
      return `queue: no worker has taken a job in ${formatDuration(event.waitedMs)}: start one with \`trajsynth worker --queue ${url}\` on a machine that shares ${outDir}`;
    case 'stopping':
      return `queue: stopping (${event.reason}): ${event.removed} queued job(s) removed, ${event.active} running chain(s) told to stop`;
    case 'left-running':
      return `queue: gave up waiting for ${event.items.join(', ')} to stop; they are redone on --resume`;
  }
}

/** One line per worker event. */
export function workerEventText(event: WorkerEvent): string {
  switch (event.type) {
    case 'worker-started':
      return `worker ${event.worker}: taking jobs from ${event.url} (concurrency ${event.concurrency}, a job stalls after ${formatDuration(event.stallMs)} without its worker)`;
    case 'job-started':
      return `${event.runId} ${event.item}: started (attempt ${event.attempt}${event.afterStall ? ', after its worker stalled' : ''})`;
    case 'job-finished':
      return `${event.runId} ${event.item}: ${event.outcome === 'finished' ? `done (${event.status ?? 'finished'})` : event.outcome === 'already-finished' ? 'already done in the store' : 'stopped (left for the queue)'}`;
    case 'job-failed':
      return `${event.runId} ${event.item}: error: ${event.error}${event.willRetry ? ' (will be retried)' : ''}`;
    case 'job-stalled':
      return `queue: job ${event.jobId} stalled (its worker stopped answering); moved back to the queue`;
    case 'connection':
      return event.state === 'lost'
        ? `worker: lost the connection to ${event.url}${event.error ? ` (${event.error})` : ''}; reconnecting…`
        : `worker: reconnected to ${event.url}`;
    case 'worker-stopping':
      return `worker: stopping (${event.reason}); chains in flight go back to the queue`;
  }
}

export function queueStatusText(status: QueueStatus): string {
  const live = status.workers.filter((worker) => worker.live);
  const lines = [`Queue ${status.url}: ${live.length} live worker(s), ${status.runs.length} run(s)`];
  if (status.runs.length) {
    const header = ['run', 'kind', 'waiting', 'active', 'delayed', 'completed', 'failed', 'stalled'];
    const rows = status.runs.map((run) =>
      [run.runId, run.kind, run.waiting, run.active, run.delayed, run.completed, run.failed, run.stalled].map(String),
    );
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const format = (row: string[]) =>
      `  ${row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
    lines.push(format(header), ...rows.map(format));
    for (const run of status.runs) {
      lines.push(`  ${run.runId}: store ${run.outDir}${run.stopReason ? `; stop requested: ${run.stopReason}` : ''}`);
    }
  }
  lines.push('Workers:');
  if (status.workers.length === 0) lines.push('  none seen');
  for (const worker of status.workers) {
    const seen = worker.live
      ? `last seen ${formatDuration(worker.lastSeenMsAgo)} ago`
      : `not seen for ${formatDuration(worker.lastSeenMsAgo)} (gone?)`;
    lines.push(
      `  ${worker.worker}  concurrency ${worker.concurrency}  active ${worker.active.length}${worker.active.length ? ` (${worker.active.map((id) => id.split('+').slice(1).join(' ')).join(', ')})` : ''}  ${seen}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

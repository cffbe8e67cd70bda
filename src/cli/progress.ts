import type { SynthesisEvent } from '../pipeline/events.js';

/**
 * A progress bar on stderr for synthesis runs: one line redrawn in place on a terminal, a line per
 * finished chain otherwise (CI logs stay readable).
 */
export class ProgressBar {
  private readonly stream: NodeJS.WriteStream;
  private readonly interactive: boolean;
  private total = 1;
  private done = 0;
  private chainsTotal = 0;
  private chainsDone = 0;
  private steps = 0;
  private readonly levels = new Map<string, number>();
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.interactive = Boolean(stream.isTTY);
  }

  handle(event: SynthesisEvent): void {
    switch (event.type) {
      case 'run-started':
        this.chainsTotal = event.chains;
        this.total = event.chains * event.maxLevel;
        this.chainsDone = event.resumedChains;
        this.done = event.resumedChains * event.maxLevel;
        this.maxLevel = event.maxLevel;
        if (event.resumedChains) this.line(`resuming: ${event.resumedChains} chain(s) already finished`);
        break;
      case 'step':
        this.steps += 1;
        break;
      case 'model-call':
        this.calls += 1;
        this.spentUsd = event.spentUsd;
        if (event.call.costUsd === undefined) this.unpriced = true;
        break;
      case 'level-reached':
      case 'level-skipped':
        this.levels.set(event.chainId, event.level);
        this.done += 1;
        break;
      case 'chain-retry': {
        // The chain starts over: what its crashed attempt reached no longer counts.
        this.done -= this.levels.get(event.chainId) ?? 0;
        this.levels.delete(event.chainId);
        this.line(
          `chain ${event.chainId}: ${event.reason}; redoing it ${event.redoneBy ?? 'in a relaunched browser'} (attempt ${event.attempt + 1})`,
        );
        break;
      }
      case 'chain-finished':
      case 'chain-failed': {
        const reached = this.levels.get(event.chainId) ?? 0;
        this.done += this.maxLevel - reached;
        this.chainsDone += 1;
        const detail =
          event.type === 'chain-failed'
            ? `${event.infrastructure ? 'harness error (redone on --resume)' : 'failed'}: ${event.error}`
            : `level ${reached}${event.stopReason ? ` (${event.stopReason})` : ''}`;
        if (!this.interactive) this.line(`chain ${event.chainId} done, ${detail}`);
        break;
      }
      default:
        break;
    }
    this.draw(event.type !== 'step');
  }

  private maxLevel = 1;
  private calls = 0;
  private spentUsd = 0;
  private unpriced = false;

  finish(): void {
    if (this.interactive) this.stream.write('\n');
  }

  private draw(force: boolean): void {
    if (!this.interactive) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 28;
    const ratio = Math.min(1, this.done / this.total);
    const filled = Math.round(ratio * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const spend = this.calls > 0 ? `  calls ${this.calls}  $${this.spentUsd.toFixed(4)}${this.unpriced ? '+unpriced' : ''}` : '';
    const text = `${bar} ${String(Math.round(ratio * 100)).padStart(3)}%  chains ${this.chainsDone}/${this.chainsTotal}  steps ${this.steps}${spend}  ${formatDuration(now - this.started)}`;
    this.stream.write(`\r${text}\u001b[K`);
  }

  /** A line of its own above the bar (queue news, warnings). */
  log(text: string): void {
    this.line(text);
    this.draw(true);
  }

  private line(text: string): void {
    this.stream.write(`${this.interactive ? '\r\u001b[K' : ''}${text}\n`);
  }
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

/**
 * A progress bar for runs counted in units (replayed tasks, evaluation episodes): one line redrawn in
 * place on a terminal, nothing on a pipe but the final counts.
 */
export class CountingBar {
  private readonly stream: NodeJS.WriteStream;
  private readonly interactive: boolean;
  private total = 0;
  private done = 0;
  private readonly counts = new Map<string, number>();
  private readonly started = Date.now();
  private extra = '';

  constructor(
    private readonly unit: string,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.stream = stream;
    this.interactive = Boolean(stream.isTTY);
  }

  start(total: number, alreadyDone = 0): void {
    this.total = total;
    this.done = alreadyDone;
    this.draw();
  }

  /** One unit finished, counted under `label` (e.g. "successes"); `detail` is a log line when not on a terminal. */
  tick(label: string, detail?: string): void {
    this.done += 1;
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
    if (!this.interactive && detail) this.line(detail);
    this.draw();
  }

  /** Extra text after the counts (model calls, dollars spent). */
  note(text: string): void {
    this.extra = text;
  }

  line(text: string): void {
    this.stream.write(`${this.interactive ? '\r\u001b[K' : ''}${text}\n`);
  }

  finish(): void {
    if (this.interactive) this.stream.write('\n');
  }

  private draw(): void {
    if (!this.interactive) return;
    const width = 28;
    const ratio = this.total ? Math.min(1, this.done / this.total) : 0;
    const filled = Math.round(ratio * width);
    const counts = [...this.counts].map(([label, count]) => `${label} ${count}`).join('  ');
    const text = `${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${String(Math.round(ratio * 100)).padStart(3)}%  ${this.unit} ${this.done}/${this.total}  ${counts}${this.extra ? `  ${this.extra}` : ''}  ${formatDuration(Date.now() - this.started)}`;
    this.stream.write(`\r${text}\u001b[K`);
  }
}

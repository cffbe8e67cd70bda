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
        this.levels.set(event.chainId, event.level);
        this.done += 1;
        break;
      case 'chain-finished':
      case 'chain-failed': {
        const reached = this.levels.get(event.chainId) ?? 0;
        this.done += this.maxLevel - reached;
        this.chainsDone += 1;
        const detail = event.type === 'chain-failed' ? `failed: ${event.error}` : `level ${reached}${event.stopReason ? ` (${event.stopReason})` : ''}`;
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

  private line(text: string): void {
    this.stream.write(`${this.interactive ? '\r\u001b[K' : ''}${text}\n`);
  }
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

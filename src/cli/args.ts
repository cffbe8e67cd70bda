import { parseArgs, type ParseArgsConfig } from 'node:util';
import { wsEndpointProblem } from '../browser/ws-endpoint.js';

/** A usage mistake: printed as one line with the fix, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, argv: string[], options: Options, allowPositionals: boolean): ParsedCommand {
  try {
    const parsed = parseArgs({ args: withNegativeValues(argv, options), allowPositionals, options, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${message}. Run \`trajsynth ${command} --help\` for the flags.`);
  }
}

/**
 * `--chains -3` would be read as a flag "-3"; joined as `--chains=-3`, its value reaches the flag's
 * own check, which says in one line what range it takes.
 */
function withNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index]!;
    const next = argv[index + 1];
    const name = token.startsWith('--') ? token.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${token}=${next}`);
      index += 1;
    } else out.push(token);
  }
  return out;
}

export function integerFlag(name: string, raw: string | undefined, fallback: number, options: { min: number; max?: number }): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < options.min || value > max) {
    const range = options.max === undefined ? `an integer >= ${options.min}` : `an integer from ${options.min} to ${options.max}`;
    throw new UsageError(
      `Expected --${name} to be ${range}, got "${raw}". Example: --${name} ${Math.max(options.min, Math.min(fallback, max))}`,
    );
  }
  return value;
}

/** A string flag's value (parseArgs already rejected a missing value). */
export function stringFlag(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(parsed: ParsedCommand, name: string): boolean {
  return parsed.values[name] === true;
}

/** Resolves when Ctrl-C (or SIGTERM) aborts `signal`: a serving command runs until then. */
export function untilInterrupted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The --browser flag of the commands that run episodes (synth, eval; a worker too), for parseCommandArgs. */
export const BROWSER_FLAG_OPTIONS = { browser: { type: 'string' } } as const satisfies Options;

/** --browser in a command's help, its description starting at `column` like the other flags'. */
export function browserFlagHelp(column: number): string {
  const indent = ' '.repeat(column);
  return `${'  --browser WS'.padEnd(column)}run the episodes in a browser server's Chromium instead of launching one\n${indent}here: the ws://HOST:PORT/PATH endpoint \`trajsynth browser-server\` prints`;
}

/**
 * The --browser endpoint, checked (a malformed one is a usage error), or undefined without the flag.
 * Connect with `connectBrowser({ wsEndpoint, signal })` from src/browser and pass the handle as the
 * pipeline's `browser` option.
 */
export function browserEndpointFlag(parsed: ParsedCommand): string | undefined {
  const raw = stringFlag(parsed, 'browser');
  if (raw === undefined) return undefined;
  const problem = wsEndpointProblem(raw.trim());
  if (problem) {
    throw new UsageError(
      `Expected --browser to be a browser server endpoint ws://HOST:PORT/PATH, got "${raw}": ${problem}. \`trajsynth browser-server\` prints it, e.g. --browser ws://10.0.0.5:9333/3f2a…`,
    );
  }
  return raw.trim();
}

/** `--keep-band 0.2-0.8`: a band of success rates L-H with 0 <= L < H <= 1. */
export function bandFlag(name: string, raw: string | undefined): { low: number; high: number } | undefined {
  if (raw === undefined) return undefined;
  const match = /^\s*(\d*\.?\d+)\s*-\s*(\d*\.?\d+)\s*$/.exec(raw);
  const low = Number(match?.[1]);
  const high = Number(match?.[2]);
  if (!match || !(low >= 0 && high <= 1 && low < high))
    throw new UsageError(`Expected --${name} L-H with 0 <= L < H <= 1, got "${raw}". Example: --${name} 0.2-0.8`);
  return { low, high };
}

/** `--target 0.5`: a probability strictly between 0 and 1. */
export function probabilityFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\s*\d*\.?\d+\s*$/.test(raw) || !(value > 0 && value < 1))
    throw new UsageError(`Expected --${name} to be a success rate between 0 and 1, got "${raw}". Example: --${name} 0.5`);
  return value;
}

import { getBundledApp } from '../environments/registry.js';
import { isTrajsynthError } from '../core/errors.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError } from './args.js';

export const SERVE_HELP = `Usage: trajsynth serve ENV [--seed S] [--port P]

Serve one bundled environment for a person to click through (seeded, like an episode's). Its state
probe is at /__trajsynth/state. Stop with Ctrl-C.
`;

export async function serveCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs('serve', argv, { seed: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) throw new UsageError('Expected one environment id. Usage: trajsynth serve ENV [--seed S] [--port P] (see `trajsynth envs`)');
  let app;
  try {
    app = getBundledApp(parsed.positionals[0]!);
  } catch (error) {
    if (isTrajsynthError(error)) throw new UsageError(`Unknown environment "${parsed.positionals[0]}". ${error.hint ?? ''}`.trim());
    throw error;
  }
  const seed = integerFlag('seed', stringFlag(parsed, 'seed'), 1, { min: 0, max: 2_147_483_647 });
  const port = integerFlag('port', stringFlag(parsed, 'port'), 0, { min: 0, max: 65_535 });
  const server = await app.start({ seed, host: '127.0.0.1', port });
  process.stdout.write(`${app.manifest.title} (seed ${seed}) at ${server.origin}${app.manifest.startPath}\nstate probe: ${server.origin}/__trajsynth/state · Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return 0;
}

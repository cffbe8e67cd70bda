import { getBundledApp } from '../environments/registry.js';
import { HARNESS_SECRET_HEADER, RESET_PATH, STATE_PROBE_PATH } from '../core/environment.js';
import { isTrajsynthError } from '../core/errors.js';
import { booleanFlag, integerFlag, parseCommandArgs, stringFlag, UsageError, untilInterrupted } from './args.js';

export const SERVE_HELP = `Usage: trajsynth serve ENV [--seed S] [--port P]

Serve one bundled environment for a person to click through (seeded, like an episode's), on
127.0.0.1 only. Its state probe (GET /__trajsynth/state) and reset (POST /__trajsynth/reset) answer
only requests carrying the secret printed at start in the x-trajsynth-secret header, so no page and
no other site can read or reset it. Stop with Ctrl-C.
`;

export async function serveCommand(argv: string[], signal: AbortSignal): Promise<number> {
  const parsed = parseCommandArgs(
    'serve',
    argv,
    { seed: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (booleanFlag(parsed, 'help')) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError('Expected one environment id. Usage: trajsynth serve ENV [--seed S] [--port P] (see `trajsynth envs`)');
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
  const header = `-H '${HARNESS_SECRET_HEADER}: ${server.secret}'`;
  process.stdout.write(
    `${app.manifest.title} (seed ${seed}) at ${server.origin}${app.manifest.startPath}\n` +
      `harness secret: ${server.secret} (the state probe and reset answer only requests with it in ${HARNESS_SECRET_HEADER})\n` +
      `state probe: curl ${header} ${server.origin}${STATE_PROBE_PATH}\n` +
      `reset: curl ${header} -H 'content-type: application/json' -d '{"seed": ${seed}}' ${server.origin}${RESET_PATH}\n` +
      'Ctrl-C to stop\n',
  );
  await untilInterrupted(signal);
  await server.close();
  return 0;
}

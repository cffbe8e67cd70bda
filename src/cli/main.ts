#!/usr/bin/env node
import { errorMessage, isTrajsynthError } from '../core/errors.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { UsageError } from './args.js';

const HELP = `trajsynth ${TOOL_VERSION}: synthesize long-horizon computer-use tasks and trajectories in headless Chromium

Usage: trajsynth <command> [flags]

Commands:
  synth      run the six-agent loop and store level-k tasks and trajectories
  inspect    print a run's chains, levels and subtask lineage
  cost       print what a run's model calls cost, by role, model and level
  replay     validate a run's level-k tasks by replaying their gold steps (replay.json)
  audit      mutation-test a run's checkers: does wrong work fail? (audit.json)
  eval       run an agent on level-k tasks: success and progress by level
  report     score evaluation runs: success by level with intervals, chart, HTML, regression gate
  frontier   where an agent is weak (by kind, app, position) and its frontier level k*
  compare-sets  is an aimed task set more informative than a uniform one? (fresh episodes, separation)
  compare    pairwise win rates and Bradley–Terry ratings of agents on shared tasks
  export     write training data (OpenAI, Anthropic, ShareGPT, Parquet, raw, preference pairs)
  validate   check a run or an exported dataset before publishing it (exit 2 on any problem)
  reviews    human reviews of a run's tasks: verdicts, consensus, disputes, kappa, agreement with checkers
  stats      diversity of a run's tasks: apps, levels, interactions, entropy, distinct-n, near-duplicates
  diff       compare two exported datasets by manifest: records added, removed, changed
  view       write (or serve) an HTML viewer of runs: overview, chains, step timeline with markers
  review     judge a run's level-k tasks in the browser (verdicts appended to reviews.jsonl)
  envs       list the bundled environments
  serve      serve one bundled environment for a person to click through
  browser-server  serve headless Chromium to runs on other machines (synth/eval --browser ws://…)
  worker     take chain and episode jobs from a Redis queue (synth/eval --queue URL) and run them
  queue-status  jobs per run (waiting, active, completed, failed, stalled) and workers of a queue

Run \`trajsynth <command> --help\` for a command's flags.
`;

// Output piped into a reader that stops early (`| head`): the rest is dropped, never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    if (command === 'synth' || command === 'eval')
      process.stderr.write('\nStopping: finishing writes so the run stays readable (Ctrl-C again to force)…\n');
    if (command === 'worker') process.stderr.write('\nStopping: chains in flight go back to the queue (Ctrl-C again to force)…\n');
    controller.abort(new Error('interrupted by user'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  switch (command) {
    // Commands load lazily: a usage error or `envs` should not pay for loading the browser stack.
    case 'synth':
      return (await import('./synth-command.js')).synthCommand(rest, controller.signal);
    case 'inspect':
      return (await import('./inspect-command.js')).inspectCommand(rest);
    case 'cost':
      return (await import('./cost-command.js')).costCommand(rest);
    case 'eval':
      return (await import('./eval-command.js')).evalCommand(rest, controller.signal);
    case 'report':
      return (await import('./report-command.js')).reportCommand(rest);
    case 'frontier':
      return (await import('./frontier-command.js')).frontierCommand(rest);
    case 'compare-sets':
      return (await import('./compare-sets-command.js')).compareSetsCommand(rest, controller.signal);
    case 'compare':
      return (await import('./compare-command.js')).compareCommand(rest);
    case 'replay':
      return (await import('./replay-command.js')).replayCommand(rest, controller.signal);
    case 'audit':
      return (await import('./audit-command.js')).auditCommand(rest, controller.signal);
    case 'export':
      return (await import('./export-command.js')).exportCommand(rest, controller.signal);
    case 'validate':
      return (await import('./validate-command.js')).validateCommand(rest);
    case 'review':
      return (await import('./review-command.js')).reviewCommand(rest, controller.signal);
    case 'reviews':
      return (await import('./reviews-command.js')).reviewsCommand(rest);
    case 'stats':
      return (await import('./stats-command.js')).statsCommand(rest);
    case 'diff':
      return (await import('./diff-command.js')).diffCommand(rest);
    case 'view':
      return (await import('./view-command.js')).viewCommand(rest, controller.signal);
    case 'envs':
      return (await import('./envs-command.js')).envsCommand();
    case 'serve':
      return (await import('./serve-command.js')).serveCommand(rest, controller.signal);
    case 'browser-server':
      return (await import('./browser-server-command.js')).browserServerCommand(rest, controller.signal);
    case 'worker':
      return (await import('./worker-command.js')).workerCommand(rest, controller.signal);
    case 'queue-status':
      return (await import('./queue-status-command.js')).queueStatusCommand(rest, controller.signal);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return command === undefined ? 2 : 0;
    case '--version':
    case '-v':
      process.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    default:
      throw new UsageError(
        `Unknown command "${command}". Commands: synth, inspect, cost, replay, audit, eval, report, frontier, compare, compare-sets, export, validate, stats, diff, view, review, reviews, envs, serve, browser-server, worker, queue-status (see \`trajsynth --help\`).`,
      );
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`trajsynth: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (isTrajsynthError(error)) {
      process.stderr.write(`trajsynth: ${error.message}\n${error.hint ? `  fix: ${error.hint}\n` : ''}`);
      process.exitCode =
        error.code === 'ABORTED'
          ? 130
          : ['BAD_INPUT', 'RUN_EXISTS', 'UNKNOWN_ENVIRONMENT', 'OUTPUT_UNWRITABLE'].includes(error.code)
            ? 2
            : 1;
      return;
    }
    process.stderr.write(
      `trajsynth: unexpected error: ${errorMessage(error)}\n${error instanceof Error && error.stack ? error.stack : ''}\n`,
    );
    process.exitCode = 1;
  },
);

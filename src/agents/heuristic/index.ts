import type { AgentSet } from '../roles.js';
import { HeuristicExecutor } from './executor.js';
import { HeuristicProposer } from './proposer.js';
import { HeuristicReviser } from './reviser.js';
import { HeuristicSummarizer } from './summarizer.js';
import { CheckerVerifier } from './verifier.js';

export { HeuristicExecutor, HeuristicProposer, HeuristicReviser, HeuristicSummarizer, CheckerVerifier };
export * from './affordances.js';
export { regroundAction, slip } from './executor.js';

/** The offline default: every role heuristic, no model, no key, no network. */
export function heuristicAgents(): AgentSet {
  return {
    proposer: new HeuristicProposer({ followUp: false }),
    followUp: new HeuristicProposer({ followUp: true }),
    executor: new HeuristicExecutor(),
    verifier: new CheckerVerifier(),
    reviser: new HeuristicReviser(),
    summarizer: new HeuristicSummarizer(),
  };
}

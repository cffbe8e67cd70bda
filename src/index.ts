/**
 * trajsynth as a library: `import { synthesize, evaluate } from 'trajsynth'`.
 *
 * The surface is curated: the run functions (synthesis, replay validation, checker audit, evaluation, reports,
 * export), the six role interfaces with their heuristic and model-backed implementations, the
 * LanguageModel port and its providers, the bundled environments, the store's readers, and the zod
 * schema of every file trajsynth writes. Everything else is internal and may change. Run functions
 * check their options where they enter (BAD_INPUT naming the field), never print, and report
 * progress through `onEvent`.
 */

// Data: every schema and type of the file formats, errors, predicates and options (zod only).
export * from './core/index.js';

// Synthesis.
export { synthesize, type SynthesizeOptions, type SynthesisResult } from './pipeline/synthesize.js';
export { defaultRunId } from './pipeline/run-setup.js';
export type { SynthesisEvent, SynthesisEventListener } from './pipeline/events.js';
export { deriveChecker } from './pipeline/derive-checker.js';
export { TOOL_VERSION } from './pipeline/version.js';
export {
  AgentConfigSchema,
  buildAgents,
  readAgentConfig,
  ROLE_NAMES,
  type AgentConfig,
  type BuiltAgents,
  type RoleName,
} from './pipeline/agent-config.js';

// The six roles: interfaces, the offline heuristics, the model-backed implementations.
export type {
  ActingSession,
  AgentSet,
  Attempt,
  ChainAim,
  ExecuteInput,
  Executor,
  ProposeInput,
  Proposer,
  ReviseInput,
  Reviser,
  SummarizeInput,
  Summarizer,
  VerifyInput,
  Verifier,
} from './agents/roles.js';
export { PERSONAS, type Persona } from './agents/personas.js';
export {
  heuristicAgents,
  HeuristicExecutor,
  HeuristicProposer,
  HeuristicReviser,
  HeuristicSummarizer,
  CheckerVerifier,
} from './agents/heuristic/index.js';
export { ModelProposer } from './agents/model/model-proposer.js';
export { ModelExecutor } from './agents/model/model-executor.js';
export { ComputerUseExecutor } from './agents/model/computer-use-executor.js';
export { JudgeVerifier } from './agents/model/model-verifier.js';
export { JuryVerifier, type JuryVerifierOptions } from './agents/model/jury-verifier.js';
export { ModelReviser } from './agents/model/model-reviser.js';
export { ModelSummarizer } from './agents/model/model-summarizer.js';

// Models: the port, the providers, the meter and the price table.
export type {
  CallRecorder,
  ContentPart,
  LanguageModel,
  ModelMessage,
  ModelRequest,
  ModelResponse,
  TokenUsage,
} from './model/language-model.js';
export { AnthropicModel, type AnthropicModelOptions } from './model/providers/anthropic.js';
export { OpenAICompatibleModel, type OpenAICompatibleModelOptions } from './model/providers/openai-compatible.js';
export { MeteredModel, type MeteredModelOptions } from './cost/metered-model.js';
export { ANTHROPIC_PRICES, findModelPrice, priceUsage, type ModelPrice, type PriceTable } from './cost/price-table.js';
export { costReport, type CostReport } from './cost/cost-report.js';

// Environments: the bundled apps and websites.
export { DEFAULT_ENVIRONMENT_ID, listEnvironments } from './environments/registry.js';
export { startEnvironment, type StartEnvironmentOptions } from './environments/start-environment.js';
export { evaluatePredicates, type PredicateContext } from './environments/predicates.js';

// Browsers.
export { findChromium, launchBrowser, type BrowserHandle, type BrowserSession, type LaunchBrowserOptions } from './browser/index.js';

// Validation, evaluation, reports.
export { replayRun, type ReplayEvent, type ReplayOptions } from './eval/replay.js';
export { auditRun, type AuditEvent, type AuditOptions } from './eval/audit.js';
export { evaluate, type EvalEvent, type EvaluateOptions, type EvaluationResult } from './eval/evaluate.js';
export { createEvalAgent, type AgentContext } from './eval/agent-spec.js';
export type { EvalAgent } from './eval/eval-agent.js';
export { loadTaskSource, type TaskSelection, type TaskSource } from './eval/task-source.js';
export { buildResults, loadEvalRun, type EvalRunData } from './eval/results.js';
export { writeReportFiles } from './eval/report-files.js';
export { compareRuns, type Comparison } from './eval/compare.js';
export { findRegressions, type GateOutcome } from './eval/gate.js';

// Training data.
export { exportDataset, type ExportOptions, type ExportResult } from './export/export-dataset.js';
export { validateDataset, type ValidateDatasetOptions } from './export/validate-dataset.js';
export { datasetStats, type DatasetStats } from './export/dataset-stats.js';

// The store: where a run lives, and its files read back through their schemas.
export { runLayout, chainLayout, episodeLayout, type RunLayout } from './store/layout.js';
export {
  listChainIds,
  readCalls,
  readChain,
  readInterruptedCalls,
  readRunMeta,
  readSteps,
  readTasksFile,
  runExists,
} from './store/run-store.js';
export { listEpisodeIds, readAuditReport, readEpisode, readEpisodeSteps, readEvalRunMeta, readReplayReport } from './store/eval-store.js';

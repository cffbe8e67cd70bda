export { synthesizeOnQueue, type FollowEvent, type QueuedSynthesisOptions } from './follow-synth.js';
export { evaluateOnQueue, type QueuedEvaluationOptions } from './follow-eval.js';
export { runQueueWorker, workerName, type QueueWorkerOptions, type WorkerEvent } from './queue-worker.js';
export { queueStatus, type QueueStatus, type RunQueueStatus, type WorkerStatus } from './queue-status.js';
export { parseRedisUrl, displayUrl } from './redis-connection.js';
export { queueSettings, type QueueSettings } from './queue-settings.js';
export { runKeyFor, chainJobId, episodeJobId } from './queue-keys.js';

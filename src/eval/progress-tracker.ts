/** Progress by subtask lives with the rest of what decides a level (pipeline/level-check), which synthesis's audit shares. */
export { ProgressTracker, decideLevel, type HoldsNow } from '../pipeline/level-check.js';

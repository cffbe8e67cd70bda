/** The gold policy replays recorded steps; it lives with the agents, where synthesis's audit uses it too. */
export { GoldPolicy, goldSteps, type GoldPolicyOptions, type GoldStep } from '../agents/gold-policy.js';

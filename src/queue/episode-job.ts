import type { EpisodeJob, JobOutcome } from './queue-keys.js';
import { PermanentJobError, type ChainJobInput } from './chain-job.js';

export type EpisodeJobInput = Omit<ChainJobInput, 'job'> & { job: EpisodeJob };

export async function runEpisodeJob(input: EpisodeJobInput): Promise<JobOutcome> {
  throw new PermanentJobError(`Expected a chain job, got episode ${input.job.episodeId}`);
}

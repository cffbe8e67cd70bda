import type { BundledApp, EnvironmentManifest } from '../core/environment.js';
import { TrajsynthError } from '../core/errors.js';
import { bank } from '../../environments/bank/index.js';
import { calendar } from '../../environments/calendar/index.js';
import { mail } from '../../environments/mail/index.js';
import { notesWiki } from '../../environments/notes-wiki/index.js';
import { projectTracker } from '../../environments/project-tracker/index.js';
import { shop } from '../../environments/shop/index.js';

const BUNDLED: readonly BundledApp[] = [projectTracker, shop, mail, calendar, bank, notesWiki];

export const DEFAULT_ENVIRONMENT_ID = 'project-tracker';

export function listEnvironments(): EnvironmentManifest[] {
  return BUNDLED.map((app) => app.manifest);
}

export function getBundledApp(id: string): BundledApp {
  const app = BUNDLED.find((candidate) => candidate.manifest.id === id);
  if (!app) {
    const known = BUNDLED.map((candidate) => candidate.manifest.id).join(', ');
    throw new TrajsynthError(`Expected a known environment id, got "${id}"`, {
      code: 'UNKNOWN_ENVIRONMENT',
      hint: `Use one of: ${known} (see \`trajsynth envs\`)`,
    });
  }
  return app;
}

/**
 * Which declared affordances of each bundled app the heuristic agents can see and turn into a task.
 * For every route an app declares, opens a concrete page for it (found by following links), finds
 * affordances in the accessibility tree and tries to write a task for each one that matches a
 * declaration. Prints one line per declaration: `ok` (proposable), `found` (seen, no task written) or
 * `missing` (not seen on its page, or no page found).
 *   npm run build && node dist/scripts/audit-affordances.js [ENV ...]
 */
import { launchBrowser } from '../src/browser/index.js';
import { Rng } from '../src/core/random.js';
import { PERSONAS } from '../src/agents/personas.js';
import { affordanceKind, findAffordances } from '../src/agents/heuristic/affordances.js';
import { proposalFromAffordance } from '../src/agents/heuristic/propose-from-affordance.js';
import { exercises } from '../src/environments/coverage.js';
import { listEnvironments } from '../src/environments/registry.js';
import { findPagesForRoutes } from '../src/environments/site-map.js';
import { startEnvironment } from '../src/environments/start-environment.js';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const browser = await launchBrowser();
  let missing = 0;
  try {
    for (const manifest of listEnvironments().filter((candidate) => only.length === 0 || only.includes(candidate.id))) {
      const environment = await startEnvironment(manifest.id, { seed: 1 });
      try {
        const routes = manifest.affordances.map((declaration) => declaration.route);
        const pages = await findPagesForRoutes(environment.origin, manifest.startPath, routes, { maxPages: 80 });
        const session = await browser.newSession({ origin: environment.origin, viewport: manifest.viewport });
        let ok = 0;
        const lines: string[] = [];
        for (const declaration of manifest.affordances) {
          const page = declaration.route === '*' ? manifest.startPath : pages.get(declaration.route);
          const label = `${declaration.kind}${declaration.name ? ` "${declaration.name}"` : ''} on ${declaration.route}`;
          if (!page) {
            lines.push(`  missing  ${label}: no link leads to a page of this route`);
            continue;
          }
          await session.goto(page);
          const observation = await session.observe();
          const proposedAt = new URL(observation.url).pathname + new URL(observation.url).search;
          const matching = findAffordances(observation).filter((affordance) =>
            exercises(declaration, { proposedAt, interaction: affordanceKind(affordance), affordance: affordance.key }),
          );
          const proposable = matching.filter((affordance) =>
            proposalFromAffordance({
              affordance,
              observation,
              persona: PERSONAS[0]!,
              rng: new Rng(1),
              hasStateProbe: true,
              chainEntities: [],
            }),
          );
          if (proposable.length > 0) ok += 1;
          const status = proposable.length > 0 ? 'ok     ' : matching.length > 0 ? 'found  ' : 'missing';
          lines.push(
            `  ${status}  ${label} at ${page}: ${matching.length} found, ${proposable.length} proposable${matching[0] ? ` (e.g. ${matching[0].key})` : ''}`,
          );
        }
        await session.close();
        missing += manifest.affordances.length - ok;
        process.stdout.write(`${manifest.id}: ${ok}/${manifest.affordances.length} proposable\n${lines.join('\n')}\n`);
      } finally {
        await environment.close();
      }
    }
  } finally {
    await browser.close();
  }
  process.exitCode = missing > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});

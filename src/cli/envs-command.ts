import { listEnvironments } from '../environments/registry.js';

export function envsCommand(): number {
  const manifests = listEnvironments();
  const width = Math.max(...manifests.map((manifest) => manifest.id.length));
  for (const manifest of manifests) {
    process.stdout.write(`${manifest.id.padEnd(width)}  ${manifest.description}\n`);
  }
  return 0;
}

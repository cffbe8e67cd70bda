// Writes the agent protocol's JSON Schemas into schemas/ from the zod definitions (run after a build:
// `npm run schemas`). test/unit/agent-protocol.test.ts fails when the committed files drift.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agentProtocolJsonSchemas } from '../dist/src/core/agent-protocol-json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const [file, schema] of Object.entries(agentProtocolJsonSchemas())) {
  writeFileSync(join(root, 'schemas', file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${file}`);
}

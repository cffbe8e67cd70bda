import { z } from 'zod';
import { AGENT_PROTOCOL, AgentStepRequestSchema, AgentStepResponseSchema } from './agent-protocol.js';

/**
 * The agent protocol as JSON Schema (draft 2020-12), as published in schemas/ for agents written in
 * other languages. A test keeps the published files equal to these.
 */
export function agentProtocolJsonSchemas(): Record<
  'agent-step-request.schema.json' | 'agent-step-response.schema.json',
  Record<string, unknown>
> {
  const render = (schema: z.ZodType, title: string) => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    ...withoutDialect(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>),
  });
  return {
    'agent-step-request.schema.json': render(AgentStepRequestSchema, `${AGENT_PROTOCOL} step request`),
    'agent-step-response.schema.json': render(AgentStepResponseSchema, `${AGENT_PROTOCOL} step response`),
  };
}

function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

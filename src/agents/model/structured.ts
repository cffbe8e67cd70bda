import { z } from 'zod';
import { TrajsynthError, errorMessage, isTrajsynthError } from '../../core/errors.js';
import type { CallRecorder, ContentPart, LanguageModel, ModelMessage, ModelResponse } from '../../model/language-model.js';

export interface StructuredRequest<T> {
  model: LanguageModel;
  role: string;
  system: string;
  content: ContentPart[];
  /** The answer's schema; the model must call a tool whose input matches it. */
  schema: z.ZodType<T>;
  toolName: string;
  toolDescription: string;
  maxOutputTokens?: number;
  /** Checks beyond the schema (e.g. "predicates must be false now"); returns a problem or undefined. */
  validate?: (value: T) => Promise<string | undefined> | string | undefined;
  recorder?: CallRecorder;
  signal?: AbortSignal;
}

/** JSON Schema for a tool's input, from a zod schema (objects only, as tool inputs must be). */
export function toolInputSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/**
 * Asks for a schema-validated answer through a forced tool call. Invalid output (no tool call,
 * JSON that fails the schema or `validate`) gets one repair turn that shows the model the problem;
 * a second failure is a MODEL_ERROR that names it.
 */
export async function askStructured<T>(request: StructuredRequest<T>): Promise<T> {
  const tool = { name: request.toolName, description: request.toolDescription, inputSchema: toolInputSchema(request.schema) };
  const messages: ModelMessage[] = [{ role: 'user', content: request.content }];
  let problem = '';
  for (let turn = 0; turn < 2; turn += 1) {
    const response = await request.model.generate({
      role: request.role,
      system: request.system,
      messages,
      tools: [tool],
      toolChoice: { type: 'tool', name: tool.name },
      maxOutputTokens: request.maxOutputTokens ?? 1500,
      ...(request.recorder ? { recorder: request.recorder } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const checked = await check(response, request);
    if (checked.ok) return checked.value;
    problem = checked.problem;
    const call = response.toolCalls.find((candidate) => candidate.name === tool.name);
    if (call) {
      messages.push({ role: 'assistant', content: [call] });
      messages.push({
        role: 'user',
        content: [
          {
            type: 'tool-result',
            callId: call.id,
            isError: true,
            content: [{ type: 'text', text: `${problem} Call ${tool.name} again with a corrected input.` }],
          },
        ],
      });
    } else {
      if (response.text) messages.push({ role: 'assistant', content: [{ type: 'text', text: response.text }] });
      messages.push({ role: 'user', content: [{ type: 'text', text: `${problem} Answer by calling the ${tool.name} tool.` }] });
    }
  }
  throw new TrajsynthError(
    `Expected the ${request.role} model (${request.model.provider}:${request.model.model}) to answer with a valid ${tool.name} call, got: ${problem}`,
    {
      code: 'MODEL_OUTPUT_INVALID',
      hint: 'The answer was invalid twice (once after a repair turn); try a stronger model for this role.',
    },
  );
}

async function check<T>(
  response: ModelResponse,
  request: StructuredRequest<T>,
): Promise<{ ok: true; value: T } | { ok: false; problem: string }> {
  const call = response.toolCalls.find((candidate) => candidate.name === request.toolName);
  if (!call)
    return {
      ok: false,
      problem: `No ${request.toolName} tool call in the answer${response.text ? ` (it said: ${JSON.stringify(response.text.slice(0, 200))})` : ''}.`,
    };
  const parsed = request.schema.safeParse(call.input);
  if (!parsed.success)
    return { ok: false, problem: `The ${request.toolName} input does not match its schema: ${formatIssues(parsed.error)}.` };
  try {
    const extra = await request.validate?.(parsed.data);
    if (extra) return { ok: false, problem: extra };
  } catch (error) {
    return { ok: false, problem: errorMessage(error) };
  }
  return { ok: true, value: parsed.data };
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Invalid model output (after its repair turn) is a recorded failure and the chain goes on; an
 * abort, a budget stop or a provider failure that outlived its retries (429, 5xx, timeout) is not.
 */
export function isInvalidOutput(error: unknown): boolean {
  return isTrajsynthError(error) && error.code === 'MODEL_OUTPUT_INVALID';
}

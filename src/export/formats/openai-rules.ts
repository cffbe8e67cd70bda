import { readJsonlRecords } from './jsonl-files.js';
import { describeJsonValue as describe, isJsonObject as isObject } from './chat-common.js';

/**
 * The rules an OpenAI chat fine-tuning example must follow, checked on the JSON as written (see
 * openai.ts for the sources): roles, which content parts each role may carry (images only from the
 * user, `tool` content a string), `tool_calls` with JSON object arguments naming a declared function,
 * every call answered by a `tool` message with its id before the conversation goes on, at most 10
 * images per example, data URLs of PNG, JPEG or WEBP of at most 10 MB, and an assistant message last.
 */
const MAX_IMAGES = 10;
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]*={0,2})$/;
const TOP_LEVEL_KEYS = new Set(['messages', 'tools', 'parallel_tool_calls', 'functions']);
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

export async function checkOpenAIFile(root: string, file: string): Promise<string[]> {
  const { records, problems } = await readJsonlRecords(root, file);
  for (const { line, value } of records) for (const problem of checkOpenAIRecord(value)) problems.push(`${file}:${line}: ${problem}`);
  return problems;
}

/** Problems of one example, each "field: message". */
export function checkOpenAIRecord(record: unknown): string[] {
  const problems: string[] = [];
  const report = (field: string, message: string) => problems.push(`${field}: ${message}`);
  if (!isObject(record)) return ['(record): Expected a JSON object'];
  for (const key of Object.keys(record))
    if (!TOP_LEVEL_KEYS.has(key)) report(key, `Expected only messages, tools, parallel_tool_calls, got "${key}"`);
  const declared = checkTools(record.tools, report);
  const messages = record.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    report('messages', 'Expected a non-empty array');
    return problems;
  }
  let images = 0;
  let pending: string[] = [];
  let pendingAt = -1;
  messages.forEach((message: unknown, index) => {
    const at = `messages[${index}]`;
    if (!isObject(message)) return report(at, 'Expected an object');
    const role = message.role;
    if (pending.length > 0 && role !== 'tool') {
      report(
        `messages[${pendingAt}].tool_calls`,
        `Expected a tool message answering ${pending.join(', ')} before the next ${String(role)} message`,
      );
      pending = [];
    }
    switch (role) {
      case 'system':
        checkTextContent(message.content, `${at}.content`, report);
        break;
      case 'user':
        images += checkUserContent(message.content, `${at}.content`, report);
        break;
      case 'assistant': {
        const calls = message.tool_calls;
        if (message.content !== undefined && message.content !== null)
          checkTextContent(message.content, `${at}.content`, report, 'assistant');
        if (calls === undefined && (message.content === undefined || message.content === null))
          report(at, 'Expected content or tool_calls');
        if (calls !== undefined) {
          pending = checkToolCalls(calls, `${at}.tool_calls`, declared, report);
          pendingAt = index;
        }
        break;
      }
      case 'tool': {
        const id = message.tool_call_id;
        if (typeof id !== 'string') report(`${at}.tool_call_id`, 'Expected a string');
        else if (!pending.includes(id))
          report(`${at}.tool_call_id`, `Expected the id of a call in the assistant message just before, got "${id}"`);
        else pending = pending.filter((open) => open !== id);
        if (typeof message.content !== 'string')
          report(
            `${at}.content`,
            `Expected a string (fine-tuning takes tool content as text; images go in a user message), got ${describe(message.content)}`,
          );
        break;
      }
      default:
        report(`${at}.role`, `Expected system, user, assistant or tool, got ${describe(role)}`);
    }
  });
  if (images > MAX_IMAGES) report('messages', `Expected at most ${MAX_IMAGES} images per example, got ${images}`);
  const last = messages[messages.length - 1];
  if (!isObject(last) || last.role !== 'assistant')
    report(`messages[${messages.length - 1}]`, 'Expected the last message to be the assistant (the target)');
  return problems;
}

type Report = (field: string, message: string) => void;

function checkTools(tools: unknown, report: Report): Set<string> {
  const names = new Set<string>();
  if (tools === undefined) return names;
  if (!Array.isArray(tools)) {
    report('tools', 'Expected an array');
    return names;
  }
  tools.forEach((tool: unknown, index) => {
    const at = `tools[${index}]`;
    if (!isObject(tool) || tool.type !== 'function' || !isObject(tool.function))
      return report(at, 'Expected {"type": "function", "function": {...}}');
    const { name, parameters, description } = tool.function;
    if (typeof name !== 'string' || !FUNCTION_NAME.test(name))
      return report(`${at}.function.name`, `Expected 1-64 letters, digits, _ or -, got ${describe(name)}`);
    if (description !== undefined && typeof description !== 'string') report(`${at}.function.description`, 'Expected a string');
    if (parameters !== undefined && (!isObject(parameters) || parameters.type !== 'object'))
      report(`${at}.function.parameters`, 'Expected a JSON schema of type object');
    names.add(name);
  });
  return names;
}

function checkToolCalls(calls: unknown, at: string, declared: Set<string>, report: Report): string[] {
  if (!Array.isArray(calls) || calls.length === 0) {
    report(at, 'Expected a non-empty array');
    return [];
  }
  const ids: string[] = [];
  calls.forEach((call: unknown, index) => {
    const where = `${at}[${index}]`;
    if (!isObject(call) || call.type !== 'function' || !isObject(call.function))
      return report(where, 'Expected {"id", "type": "function", "function": {"name", "arguments"}}');
    if (typeof call.id !== 'string' || call.id === '') report(`${where}.id`, 'Expected a non-empty string');
    else if (ids.includes(call.id)) report(`${where}.id`, `Expected unique ids, got "${call.id}" twice`);
    else ids.push(call.id);
    const { name, arguments: args } = call.function;
    if (typeof name !== 'string' || !declared.has(name))
      report(
        `${where}.function.name`,
        `Expected a function declared in tools (${[...declared].join(', ') || 'none'}), got ${describe(name)}`,
      );
    if (typeof args !== 'string') return report(`${where}.function.arguments`, `Expected a JSON string, got ${describe(args)}`);
    try {
      if (!isObject(JSON.parse(args))) report(`${where}.function.arguments`, 'Expected a JSON object');
    } catch {
      report(`${where}.function.arguments`, 'Expected parseable JSON');
    }
  });
  return ids;
}

function checkTextContent(content: unknown, at: string, report: Report, role = 'system'): void {
  if (typeof content === 'string') return;
  if (!Array.isArray(content)) return report(at, `Expected a string or text parts, got ${describe(content)}`);
  content.forEach((part: unknown, index) => {
    if (!isObject(part) || part.type !== 'text' || typeof part.text !== 'string') {
      report(
        `${at}[${index}]`,
        `Expected a text part (${role} messages carry no images), got ${describe(isObject(part) ? part.type : part)}`,
      );
    }
  });
}

/** Checks a user message's content and returns how many images it has. */
function checkUserContent(content: unknown, at: string, report: Report): number {
  if (typeof content === 'string') return 0;
  if (!Array.isArray(content) || content.length === 0) {
    report(at, `Expected a string or a non-empty array of parts, got ${describe(content)}`);
    return 0;
  }
  let images = 0;
  content.forEach((part: unknown, index) => {
    const where = `${at}[${index}]`;
    if (isObject(part) && part.type === 'text' && typeof part.text === 'string') return;
    if (!isObject(part) || part.type !== 'image_url' || !isObject(part.image_url) || typeof part.image_url.url !== 'string') {
      return report(where, `Expected a text or image_url part, got ${describe(isObject(part) ? part.type : part)}`);
    }
    images += 1;
    const url = part.image_url.url;
    if (/^https?:\/\//.test(url)) return;
    const match = DATA_URL.exec(url);
    if (!match)
      return report(
        `${where}.image_url.url`,
        `Expected an http(s) URL or a base64 data URL of image/png, image/jpeg or image/webp, got "${url.slice(0, 40)}…"`,
      );
    const bytes = Buffer.byteLength(match[2]!, 'base64');
    if (bytes > MAX_IMAGE_BYTES) report(`${where}.image_url.url`, `Expected an image of at most 10 MB, got ${bytes} bytes`);
  });
  return images;
}

import { readJsonlRecords } from './jsonl-files.js';
import { describeJsonValue as describe, isJsonObject as isObject } from './chat-common.js';
import sharp from 'sharp';
import { errorMessage } from '../../core/errors.js';

/**
 * The rules a Messages API request body must follow, checked on the JSON as written (see
 * anthropic.ts for the sources): roles alternate from user to a final assistant turn, content blocks
 * per role (images and tool results from the user, tool uses from the assistant), every `tool_use`
 * answered by a `tool_result` with its id in the next user turn (results first), tools declared for
 * every name used, computer-tool inputs in its vocabulary and display, base64 images of an accepted
 * type within 5 MB, 8000 px (2000 px above 20 images) and 100 images per request.
 */
const MAX_IMAGES = 100;
const MANY_IMAGES = 20;
const MAX_BASE64 = 5 * 1024 * 1024;
const MEDIA_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const TOOL_ID = /^[a-zA-Z0-9_-]+$/;
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const COMPUTER_ACTIONS = new Set([
  'key',
  'hold_key',
  'type',
  'cursor_position',
  'mouse_move',
  'left_mouse_down',
  'left_mouse_up',
  'left_click',
  'left_click_drag',
  'right_click',
  'middle_click',
  'double_click',
  'triple_click',
  'scroll',
  'wait',
  'screenshot',
]);
const NEEDS_COORDINATE = new Set(['mouse_move', 'left_click_drag', 'scroll']);

export async function checkAnthropicFile(root: string, file: string): Promise<string[]> {
  const { records, problems } = await readJsonlRecords(root, file);
  for (const { line, value } of records)
    for (const problem of await checkAnthropicRecord(value)) problems.push(`${file}:${line}: ${problem}`);
  return problems;
}

type Report = (field: string, message: string) => void;
interface Display {
  width: number;
  height: number;
}

/** Problems of one request body, each "field: message". */
export async function checkAnthropicRecord(record: unknown): Promise<string[]> {
  const problems: string[] = [];
  const report: Report = (field, message) => problems.push(`${field}: ${message}`);
  if (!isObject(record)) return ['(record): Expected a JSON object'];
  for (const key of Object.keys(record))
    if (!['system', 'messages', 'tools'].includes(key)) report(key, `Expected only system, messages, tools, got "${key}"`);
  if (record.system !== undefined && typeof record.system !== 'string') report('system', 'Expected a string');
  const { names, display } = checkTools(record.tools, report);
  const messages = record.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    report('messages', 'Expected a non-empty array');
    return problems;
  }
  const images: { at: string; data: string }[] = [];
  let open: string[] = [];
  messages.forEach((message: unknown, index) => {
    const at = `messages[${index}]`;
    if (!isObject(message) || !Array.isArray(message.content) || message.content.length === 0)
      return report(at, 'Expected {"role", "content": [blocks]}');
    const expected = index % 2 === 0 ? 'user' : 'assistant';
    if (message.role !== expected)
      report(`${at}.role`, `Expected "${expected}" (roles alternate, starting with user), got ${describe(message.role)}`);
    if (message.role === 'user') {
      open = checkUserBlocks(message.content, at, open, images, report);
    } else if (message.role === 'assistant') {
      if (open.length > 0) report(`messages[${index - 1}]`, `Expected tool_result blocks for ${open.join(', ')}`);
      open = checkAssistantBlocks(message.content, at, names, display, report);
    }
  });
  if (!isObject(messages[messages.length - 1]) || messages[messages.length - 1].role !== 'assistant')
    report(`messages[${messages.length - 1}]`, 'Expected the last message to be the assistant (the target)');
  if (images.length > MAX_IMAGES) report('messages', `Expected at most ${MAX_IMAGES} images per request, got ${images.length}`);
  const maxSide = images.length > MANY_IMAGES ? 2000 : 8000;
  for (const image of images) {
    try {
      const { width = 0, height = 0 } = await sharp(Buffer.from(image.data, 'base64')).metadata();
      if (width > maxSide || height > maxSide)
        report(
          image.at,
          `Expected at most ${maxSide}×${maxSide} px${maxSide === 2000 ? ` (a request with more than ${MANY_IMAGES} images)` : ''}, got ${width}×${height}`,
        );
    } catch (error) {
      report(image.at, `Expected a decodable image, got ${errorMessage(error)}`);
    }
  }
  return problems;
}

function checkTools(tools: unknown, report: Report): { names: Set<string>; display?: Display } {
  const names = new Set<string>();
  let display: Display | undefined;
  if (tools === undefined) return { names };
  if (!Array.isArray(tools)) {
    report('tools', 'Expected an array');
    return { names };
  }
  tools.forEach((tool: unknown, index) => {
    const at = `tools[${index}]`;
    if (!isObject(tool) || typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name))
      return report(at, 'Expected a tool with a name of letters, digits, _ or -');
    if (names.has(tool.name)) report(`${at}.name`, `Expected unique tool names, got "${tool.name}" twice`);
    names.add(tool.name);
    if (tool.type === undefined || tool.type === 'custom') {
      if (!isObject(tool.input_schema) || tool.input_schema.type !== 'object')
        report(`${at}.input_schema`, 'Expected a JSON schema of type object');
      return;
    }
    if (typeof tool.type !== 'string' || !/^computer_\d{8}$/.test(tool.type))
      return report(`${at}.type`, `Expected a custom tool or computer_YYYYMMDD, got ${describe(tool.type)}`);
    if (tool.name !== 'computer') report(`${at}.name`, `Expected "computer", got "${tool.name}"`);
    if (!isPositiveInt(tool.display_width_px) || !isPositiveInt(tool.display_height_px))
      return report(at, 'Expected display_width_px and display_height_px as positive integers');
    display = { width: tool.display_width_px, height: tool.display_height_px };
  });
  return { names, display };
}

/** Checks a user turn and returns the tool_use ids still unanswered (none, when it answered them all). */
function checkUserBlocks(blocks: unknown[], at: string, open: string[], images: { at: string; data: string }[], report: Report): string[] {
  let remaining = [...open];
  let seenOther = false;
  blocks.forEach((block: unknown, index) => {
    const where = `${at}.content[${index}]`;
    if (!isObject(block)) return report(where, 'Expected a content block');
    if (block.type === 'tool_result') {
      if (seenOther) report(where, 'Expected tool_result blocks before any other block of the turn');
      if (!remaining.includes(block.tool_use_id))
        report(
          `${where}.tool_use_id`,
          `Expected the id of a tool_use in the assistant turn just before, got ${describe(block.tool_use_id)}`,
        );
      remaining = remaining.filter((id) => id !== block.tool_use_id);
      if (block.is_error !== undefined && typeof block.is_error !== 'boolean') report(`${where}.is_error`, 'Expected a boolean');
      if (block.content === undefined || typeof block.content === 'string') return;
      if (!Array.isArray(block.content)) return report(`${where}.content`, 'Expected a string or an array of text and image blocks');
      block.content.forEach((inner: unknown, innerIndex: number) =>
        checkTextOrImage(inner, `${where}.content[${innerIndex}]`, images, report),
      );
      return;
    }
    seenOther = true;
    checkTextOrImage(block, where, images, report);
  });
  if (open.length > 0 && remaining.length > 0) report(at, `Expected tool_result blocks for ${remaining.join(', ')}`);
  return [];
}

function checkTextOrImage(block: unknown, where: string, images: { at: string; data: string }[], report: Report): void {
  if (isObject(block) && block.type === 'text') {
    if (typeof block.text !== 'string' || block.text === '') report(`${where}.text`, 'Expected a non-empty string');
    return;
  }
  if (!isObject(block) || block.type !== 'image')
    return report(where, `Expected a text or image block, got ${describe(isObject(block) ? block.type : block)}`);
  const source = block.source;
  if (!isObject(source) || source.type !== 'base64') return report(`${where}.source`, 'Expected {"type": "base64", "media_type", "data"}');
  if (!MEDIA_TYPES.has(source.media_type))
    report(`${where}.source.media_type`, `Expected image/png, image/jpeg, image/gif or image/webp, got ${describe(source.media_type)}`);
  if (typeof source.data !== 'string' || source.data === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(source.data))
    return report(`${where}.source.data`, 'Expected non-empty base64');
  if (source.data.length > MAX_BASE64)
    report(`${where}.source.data`, `Expected at most 5 MB of base64, got ${source.data.length} characters`);
  images.push({ at: where, data: source.data });
}

/** Checks an assistant turn and returns its tool_use ids. */
function checkAssistantBlocks(blocks: unknown[], at: string, names: Set<string>, display: Display | undefined, report: Report): string[] {
  const ids: string[] = [];
  blocks.forEach((block: unknown, index) => {
    const where = `${at}.content[${index}]`;
    if (isObject(block) && block.type === 'text') {
      if (typeof block.text !== 'string' || block.text === '') report(`${where}.text`, 'Expected a non-empty string');
      return;
    }
    if (!isObject(block) || block.type !== 'tool_use')
      return report(
        where,
        `Expected a text or tool_use block (assistant turns carry no images), got ${describe(isObject(block) ? block.type : block)}`,
      );
    if (typeof block.id !== 'string' || !TOOL_ID.test(block.id))
      report(`${where}.id`, `Expected letters, digits, _ or -, got ${describe(block.id)}`);
    else if (ids.includes(block.id)) report(`${where}.id`, `Expected unique ids, got "${block.id}" twice`);
    else ids.push(block.id);
    if (typeof block.name !== 'string' || !names.has(block.name))
      report(`${where}.name`, `Expected a tool declared in tools (${[...names].join(', ') || 'none'}), got ${describe(block.name)}`);
    if (!isObject(block.input)) return report(`${where}.input`, 'Expected an object');
    if (block.name === 'computer') checkComputerInput(block.input, `${where}.input`, display, report);
  });
  return ids;
}

function checkComputerInput(input: Record<string, any>, at: string, display: Display | undefined, report: Report): void {
  const action = input.action;
  if (!COMPUTER_ACTIONS.has(action)) return report(`${at}.action`, `Expected a computer-tool action, got ${describe(action)}`);
  const coordinate = input.coordinate;
  if (coordinate !== undefined) {
    const valid =
      Array.isArray(coordinate) && coordinate.length === 2 && coordinate.every((value) => Number.isInteger(value) && value >= 0);
    if (!valid) report(`${at}.coordinate`, `Expected [x, y] as non-negative integers, got ${JSON.stringify(coordinate)}`);
    else if (display && (coordinate[0] > display.width || coordinate[1] > display.height))
      report(`${at}.coordinate`, `Expected a point inside the ${display.width}×${display.height} display, got [${coordinate.join(', ')}]`);
  } else if (NEEDS_COORDINATE.has(action)) {
    report(`${at}.coordinate`, `Expected a coordinate for ${action}`);
  }
  if ((action === 'type' || action === 'key') && typeof input.text !== 'string') report(`${at}.text`, `Expected text for ${action}`);
  if (action === 'scroll') {
    if (!['up', 'down', 'left', 'right'].includes(input.scroll_direction))
      report(`${at}.scroll_direction`, `Expected up, down, left or right, got ${describe(input.scroll_direction)}`);
    if (!isPositiveInt(input.scroll_amount))
      report(`${at}.scroll_amount`, `Expected a positive integer, got ${describe(input.scroll_amount)}`);
  }
  if (action === 'wait' && (typeof input.duration !== 'number' || input.duration < 0))
    report(`${at}.duration`, 'Expected seconds as a non-negative number');
}

function isPositiveInt(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

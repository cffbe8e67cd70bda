import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import sharp from 'sharp';
import { errorMessage } from '../../core/errors.js';

/**
 * The rules LLaMA-Factory applies to a ShareGPT dataset in OpenAI-style tags (see sharegpt.ts):
 * dataset_info.json entries naming existing files with the sharegpt formatting, columns and tags;
 * records with an optional system message, then user and assistant alternating to an even count
 * ending with the assistant; as many `<image>` markers as images, no video or audio markers; every
 * image a relative path under the root (media_dir = dataset_dir) that exists and decodes. Ours on
 * top: every assistant turn is one JSON action object.
 */
const TAGS = { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' };

export async function checkShareGptFile(root: string, file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(root, file), 'utf8');
  } catch (error) {
    return [`${file}: cannot be read: ${errorMessage(error)}`];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return [`${file}:1: (file): Expected JSON, got ${errorMessage(error)}`];
  }
  if (file.endsWith('dataset_info.json')) return checkDatasetInfo(root, file, parsed);
  if (!Array.isArray(parsed)) return [`${file}:1: (file): Expected a JSON array of records`];
  const problems: string[] = [];
  const decoded = new Map<string, string | undefined>();
  for (const [index, record] of parsed.entries()) {
    // Records are written one per line after the opening bracket.
    for (const problem of await checkShareGptRecord(root, record, decoded)) problems.push(`${file}:${index + 2}: ${problem}`);
  }
  return problems;
}

async function checkDatasetInfo(root: string, file: string, info: unknown): Promise<string[]> {
  if (!isObject(info) || Object.keys(info).length === 0) return [`${file}:1: (file): Expected an object of dataset descriptions`];
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(info)) {
    const report = (field: string, message: string) => problems.push(`${file}: ${name}.${field}: ${message}`);
    if (!isObject(entry)) {
      report('(entry)', 'Expected an object');
      continue;
    }
    if (entry.formatting !== 'sharegpt') report('formatting', `Expected "sharegpt", got ${JSON.stringify(entry.formatting)}`);
    if (!isObject(entry.columns) || entry.columns.messages !== 'messages' || entry.columns.images !== 'images')
      report('columns', 'Expected {"messages": "messages", "images": "images"}');
    for (const [tag, value] of Object.entries(TAGS))
      if (!isObject(entry.tags) || entry.tags[tag] !== value) report(`tags.${tag}`, `Expected "${value}"`);
    if (typeof entry.file_name !== 'string') {
      report('file_name', 'Expected a path relative to the dataset directory');
      continue;
    }
    try {
      const data = JSON.parse(await readFile(join(root, entry.file_name), 'utf8'));
      if (!Array.isArray(data)) report('file_name', `Expected ${entry.file_name} to hold a JSON array`);
    } catch (error) {
      report('file_name', `Expected ${entry.file_name} to exist and hold JSON, got ${errorMessage(error)}`);
    }
  }
  return problems;
}

/** Problems of one record, each "field: message"; `decoded` caches image checks by path. */
export async function checkShareGptRecord(
  root: string,
  record: unknown,
  decoded = new Map<string, string | undefined>(),
): Promise<string[]> {
  const problems: string[] = [];
  const report = (field: string, message: string) => problems.push(`${field}: ${message}`);
  if (!isObject(record)) return ['(record): Expected an object'];
  const { messages, images } = record;
  if (!Array.isArray(messages) || messages.length === 0) return ['messages: Expected a non-empty array'];
  if (!Array.isArray(images)) report('images', 'Expected an array of paths');
  let markers = 0;
  const start = isObject(messages[0]) && messages[0].role === 'system' ? 1 : 0;
  messages.forEach((message: unknown, index) => {
    const at = `messages[${index}]`;
    if (!isObject(message) || typeof message.content !== 'string') return report(at, 'Expected {"role", "content": string}');
    markers += (message.content.match(/<image>/g) ?? []).length;
    if (/<(video|audio)>/.test(message.content))
      report(`${at}.content`, 'Expected no <video> or <audio> marker (the record has no videos or audios)');
    if (index < start) return;
    const expected = (index - start) % 2 === 0 ? 'user' : 'assistant';
    if (message.role !== expected)
      return report(
        `${at}.role`,
        `Expected "${expected}" (user and assistant alternate after the system message), got ${JSON.stringify(message.role)}`,
      );
    if (expected === 'assistant') {
      try {
        const action = JSON.parse(message.content);
        if (!isObject(action) || typeof action.action !== 'string') report(`${at}.content`, 'Expected a JSON object with an "action"');
      } catch {
        report(`${at}.content`, 'Expected one JSON action object');
      }
    }
  });
  if ((messages.length - start) % 2 !== 0 || messages.length === start)
    report('messages', `Expected an even number of user and assistant messages ending with the assistant, got ${messages.length - start}`);
  if (!Array.isArray(images)) return problems;
  if (markers !== images.length) report('images', `Expected as many images as <image> markers (${markers}), got ${images.length}`);
  for (const [index, path] of images.entries()) {
    if (typeof path !== 'string' || isAbsolute(path) || normalize(path).startsWith('..')) {
      report(`images[${index}]`, `Expected a path relative to the dataset directory, got ${JSON.stringify(path)}`);
      continue;
    }
    if (!decoded.has(path)) decoded.set(path, await decodeProblem(join(root, path)));
    const problem = decoded.get(path);
    if (problem) report(`images[${index}]`, problem);
  }
  return problems;
}

async function decodeProblem(path: string): Promise<string | undefined> {
  try {
    const { width, height } = await sharp(await readFile(path)).metadata();
    return width && height ? undefined : 'Expected an image with a size';
  } catch (error) {
    return `Expected an existing, decodable image, got ${errorMessage(error)}`;
  }
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

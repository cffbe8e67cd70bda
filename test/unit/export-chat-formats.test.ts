import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toAction } from '../../src/model/providers/computer-tool-actions.js';
import { isTrajsynthError } from '../../src/core/errors.js';
import { sha256Hex } from '../../src/export/fingerprint.js';
import { ANTHROPIC_COMPUTER_USE_BETA, ANTHROPIC_MAX_IMAGES, anthropicFormat } from '../../src/export/formats/anthropic.js';
import { checkAnthropicRecord } from '../../src/export/formats/anthropic-rules.js';
import { toXdotoolKey } from '../../src/export/formats/chat-common.js';
import { datasetFormat } from '../../src/export/formats/index.js';
import { OPENAI_MAX_IMAGES_PER_EXAMPLE, openaiFormat, openaiRecords, type OpenAIRecord } from '../../src/export/formats/openai.js';
import { checkOpenAIRecord } from '../../src/export/formats/openai-rules.js';
import { sharegptFormat } from '../../src/export/formats/sharegpt.js';
import { checkShareGptRecord } from '../../src/export/formats/sharegpt-rules.js';
import type { DatasetFormat, EncodedImage, ExportUnit } from '../../src/export/sample.js';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import { encodeScreens, encodedImage, formatContext, stepUnit, trajectoryUnit, ANSWER, STEPS } from '../support/export-units.js';

let png: EncodedImage[];
let webp: EncodedImage[];
const roots: string[] = [];

beforeAll(async () => {
  png = await encodeScreens('png');
  webp = await encodeScreens('webp');
});
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function exportWith(format: DatasetFormat, units: ExportUnit[]) {
  const root = await mkdtemp(join(tmpdir(), `trajsynth-${format.id}-`));
  roots.push(root);
  const output = await format.write(units, formatContext(root));
  return { root, output };
}

async function jsonLines(root: string, file: string): Promise<any[]> {
  return (await readFile(join(root, file), 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('chat-common', () => {
  it('writes Playwright keys in xdotool names, which the computer-use executor reads back to the same keys', () => {
    const cases: [string, string][] = [
      ['Enter', 'Return'],
      ['Control+a', 'ctrl+a'],
      ['Shift+ArrowUp', 'shift+Up'],
      ['PageDown', 'Page_Down'],
      ['Escape', 'Escape'],
      ['Backspace', 'BackSpace'],
      ['Meta+c', 'super+c'],
      ['Tab', 'Tab'],
      ['a', 'a'],
    ];
    for (const [playwright, xdotool] of cases) {
      expect(toXdotoolKey(playwright)).toBe(xdotool);
      const back = toAction({ type: 'tool-call', id: 't', name: 'computer', input: { action: 'key', text: xdotool } }, 1, undefined);
      expect(back).toEqual({ kind: 'act', action: { type: 'press', key: playwright } });
    }
    expect(toXdotoolKey('Control++')).toBe('ctrl+plus');
  });
});

const AnthropicBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal('image'),
      source: z
        .object({ type: z.literal('base64'), media_type: z.enum(['image/png', 'image/jpeg', 'image/webp']), data: z.string().min(1) })
        .strict(),
    })
    .strict(),
  z
    .object({
      type: z.literal('tool_use'),
      id: z.string().regex(/^[a-zA-Z0-9_-]+$/),
      name: z.string(),
      input: z.record(z.string(), z.unknown()),
    })
    .strict(),
  z
    .object({
      type: z.literal('tool_result'),
      tool_use_id: z.string(),
      content: z.array(z.any()).optional(),
      is_error: z.boolean().optional(),
    })
    .strict(),
]);
const AnthropicRecordSchema = z
  .object({
    system: z.string(),
    messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.array(AnthropicBlock).min(1) }).strict()).min(1),
    tools: z.array(
      z.union([
        z
          .object({
            type: z.literal('computer_20250124'),
            name: z.literal('computer'),
            display_width_px: z.number().int(),
            display_height_px: z.number().int(),
          })
          .strict(),
        z.object({ name: z.string(), description: z.string(), input_schema: z.record(z.string(), z.unknown()) }).strict(),
      ]),
    ),
  })
  .strict();

/** Independent reading of a record: ids pair, roles alternate, images counted. */
function anthropicShape(record: z.infer<typeof AnthropicRecordSchema>) {
  let images = 0;
  record.messages.forEach((message, index) => {
    expect(message.role).toBe(index % 2 === 0 ? 'user' : 'assistant');
    const uses = message.content.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []));
    const next = record.messages[index + 1];
    if (uses.length > 0 && next)
      expect(next.content.map((block) => (block.type === 'tool_result' ? block.tool_use_id : undefined))).toEqual(uses);
    for (const block of message.content) {
      if (block.type === 'image') images += 1;
      if (block.type === 'tool_result') images += (block.content ?? []).filter((inner: { type: string }) => inner.type === 'image').length;
    }
  });
  expect(record.messages[record.messages.length - 1]!.role).toBe('assistant');
  expect(images).toBeLessThanOrEqual(ANTHROPIC_MAX_IMAGES);
  return images;
}

describe('anthropic format', () => {
  it('writes Messages requests the SDK types and sends unchanged, in the computer-use vocabulary', async () => {
    const units = [
      trajectoryUnit(png, 'both', 'absolute'),
      stepUnit(png, 'pixel', 'thousandths', 5, 3, 1),
      trajectoryUnit(webp, 'ref', 'unit', 'test'),
    ];
    const { root, output } = await exportWith(anthropicFormat, units);
    expect(output.files).toEqual([
      { path: 'data/test.jsonl', split: 'test', records: 1 },
      { path: 'data/train.jsonl', split: 'train', records: 2 },
    ]);
    expect(output.notes).toEqual([expect.stringContaining('points were written as pixels')]);
    expect(await anthropicFormat.checkFile(root, 'data/train.jsonl')).toEqual([]);
    expect(await anthropicFormat.checkFile(root, 'data/test.jsonl')).toEqual([]);
    const [both, step] = await jsonLines(root, 'data/train.jsonl');
    const [refOnly] = await jsonLines(root, 'data/test.jsonl');
    expect(anthropicShape(AnthropicRecordSchema.parse(both))).toBe(13);
    anthropicShape(AnthropicRecordSchema.parse(step));
    anthropicShape(AnthropicRecordSchema.parse(refOnly));

    const uses = (both.messages as any[]).filter((message) => message.role === 'assistant').map((message) => message.content);
    expect(uses[0]).toEqual([
      { type: 'text', text: 'Target: ref=e201 link "Write runbook"' },
      { type: 'tool_use', id: 'toolu_0000_0', name: 'computer', input: { action: 'left_click', coordinate: [365, 690] } },
    ]);
    expect(uses[1][1].input).toEqual({ action: 'double_click', coordinate: [200, 150] });
    expect(uses[2].slice(1).map((block: any) => block.input)).toEqual([
      { action: 'left_click', coordinate: [300, 200] },
      { action: 'key', text: 'ctrl+a' },
      { action: 'type', text: 'Hello <image> world' },
    ]);
    expect(uses[3].slice(1).map((block: any) => block.input)).toEqual([
      { action: 'left_click', coordinate: [300, 200] },
      { action: 'type', text: ' again' },
    ]);
    expect(uses[4].map((block: any) => block.input)).toEqual([{ action: 'key', text: 'ctrl+a' }]);
    expect(uses[5].slice(1).map((block: any) => block.input)).toEqual([
      { action: 'left_click', coordinate: [300, 200] },
      { action: 'key', text: 'Return' },
    ]);
    expect(uses[6]).toEqual([
      {
        type: 'tool_use',
        id: 'toolu_0006_0',
        name: 'browser',
        input: { action: 'select', ref: 'e40', role: 'combobox', name: 'Priority', x: 500, y: 300, value: 'High' },
      },
    ]);
    expect(uses[7][0].input).toEqual({ action: 'scroll', coordinate: [640, 400], scroll_direction: 'down', scroll_amount: 3 });
    expect(uses[8][0].input).toEqual({ action: 'wait', duration: 0.5 });
    expect(uses[9][0]).toMatchObject({ name: 'browser', input: { action: 'navigate', url: 'http://127.0.0.1:3000/tasks' } });
    expect(uses[10][0]).toMatchObject({ name: 'browser', input: { action: 'back' } });
    expect(uses[11][0]).toMatchObject({ name: 'browser', input: { action: 'click', ref: 'e99', role: 'button', name: 'Archive' } });
    expect(uses[12]).toEqual([{ type: 'text', text: `DONE: ${ANSWER}` }]);
    const failed = both.messages[24].content[0];
    expect(failed).toMatchObject({
      type: 'tool_result',
      tool_use_id: 'toolu_0011_0',
      is_error: true,
      content: [{ type: 'text', text: expect.stringMatching(/^Error: Could not click button "Archive"/) }, { type: 'image' }],
    });
    expect(both.tools[0]).toEqual({ type: 'computer_20250124', name: 'computer', display_width_px: 1280, display_height_px: 800 });

    // The computer-use executor reads the tool calls back to the recorded actions.
    let lastPoint: { x: number; y: number } | undefined;
    const readBack = uses
      .flat()
      .filter((block: any) => block.name === 'computer')
      .map((block: any) => {
        const mapped = toAction({ type: 'tool-call', id: block.id, name: 'computer', input: block.input }, 1, lastPoint);
        if (mapped.kind === 'act' && mapped.point) lastPoint = mapped.point;
        return mapped.kind === 'act' ? mapped.action : mapped;
      });
    expect(readBack).toContainEqual({ type: 'click', target: { point: { x: 365, y: 690 } } });
    expect(readBack).toContainEqual({ type: 'dblclick', target: { point: { x: 200, y: 150 } } });
    expect(readBack).toContainEqual({ type: 'press', key: 'Enter' });
    expect(readBack).toContainEqual({ type: 'scroll', deltaX: 0, deltaY: 300, target: { point: { x: 640, y: 400 } } });
    expect(readBack).toContainEqual({ type: 'wait', ms: 500 });

    // Pixel space in thousandths: written as pixels of the image, the history image window kept.
    expect(step.messages).toHaveLength(2);
    expect(step.messages[1].content.map((block: any) => block.input)).toEqual([
      { action: 'left_click', coordinate: [300, 200] },
      { action: 'key', text: 'Return' },
    ]);
    expect(step.messages[0].content.filter((block: any) => block.type === 'image')).toHaveLength(2);
    expect(refOnly.tools.map((tool: any) => tool.name)).toEqual(['browser']);

    const server = await startFakeAnthropic({ kind: 'message', content: [{ type: 'text', text: 'ok' }] });
    try {
      const client = new Anthropic({ baseURL: server.baseURL, apiKey: 'test', maxRetries: 0 });
      for (const record of [both, step]) {
        const body: Anthropic.Beta.Messages.MessageCreateParamsNonStreaming = {
          model: 'claude-sonnet-4-6',
          max_tokens: 16,
          betas: [ANTHROPIC_COMPUTER_USE_BETA],
          ...(AnthropicRecordSchema.parse(record) as Omit<Anthropic.Beta.Messages.MessageCreateParamsNonStreaming, 'model' | 'max_tokens'>),
        };
        await client.beta.messages.create(body);
      }
      const plain: Anthropic.MessageCreateParamsNonStreaming = {
        model: 'claude-sonnet-4-6',
        max_tokens: 16,
        ...(AnthropicRecordSchema.parse(refOnly) as Omit<Anthropic.MessageCreateParamsNonStreaming, 'model' | 'max_tokens'>),
      };
      await client.messages.create(plain);
      expect(server.requests).toHaveLength(3);
      for (const [index, record] of [both, step, refOnly].entries()) {
        const received = server.requests[index]!;
        expect(received.body.messages).toEqual(record.messages);
        expect(received.body.tools).toEqual(record.tools);
        expect(received.body.system).toBe(record.system);
      }
      expect(String(server.requests[0]!.headers['anthropic-beta'])).toContain(ANTHROPIC_COMPUTER_USE_BETA);
    } finally {
      await server.close();
    }
  });

  it('windows a trajectory over the image limit and its checker catches broken records', async () => {
    const tiny = encodedImage(
      new Uint8Array(
        await sharp({ create: { width: 1280, height: 800, channels: 3, background: '#336' } })
          .png()
          .toBuffer(),
      ),
      'png',
      1280,
      800,
    );
    const long = trajectoryUnit([tiny, tiny], 'pixel', 'absolute');
    long.turns = Array.from({ length: 105 }, (_, index) => ({ ...long.turns[index % 11]!, stepIndex: index }));
    long.turns.push({ stepIndex: 105, url: 'x', title: 'end', image: tiny, action: { type: 'done' }, ok: true });
    const { root, output } = await exportWith(anthropicFormat, [long]);
    expect(output.records.map((record) => record.key)).toEqual(['run-1/c0001/L2#w0', 'run-1/c0001/L2#w1']);
    expect(output.notes[0]).toMatch(/^anthropic: 1 trajectories were split into 2 windows/);
    expect(await anthropicFormat.checkFile(root, 'data/train.jsonl')).toEqual([]);
    const [first, second] = await jsonLines(root, 'data/train.jsonl');
    expect(anthropicShape(first)).toBe(100);
    expect(second.messages[0].content[0].text).toContain('Earlier actions:\n1. {"action":"click","x":365,"y":690} -> OK');

    const broken = structuredClone(first);
    broken.messages[2].content[0].tool_use_id = 'toolu_nope';
    broken.messages[1].content[0].name = 'mouse';
    broken.messages[3].content[0].input = { action: 'left_click', coordinate: [9999, 1] };
    broken.messages[0].content[1].source.media_type = 'image/tiff';
    const problems = await checkAnthropicRecord(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^messages\[2\]\.content\[0\]\.tool_use_id: Expected the id of a tool_use/),
        expect.stringMatching(/^messages\[1\]\.content\[0\]\.name: Expected a tool declared in tools/),
        expect.stringMatching(/^messages\[3\]\.content\[0\]\.input\.coordinate: Expected a point inside the 1280×800 display/),
        expect.stringMatching(/^messages\[0\]\.content\[1\]\.source\.media_type/),
      ]),
    );
    expect(await checkAnthropicRecord({ ...first, messages: first.messages.slice(0, 2).reverse() })).toContain(
      'messages[0].role: Expected "user" (roles alternate, starting with user), got "assistant"',
    );
  });
});

describe('openai format', () => {
  it('writes fine-tuning examples the SDK accepts, windowed to 10 images, and refuses oversized images', async () => {
    const units = [trajectoryUnit(webp, 'both', 'unit'), stepUnit(png, 'ref', 'absolute', 12, 11, 11)];
    const { root, output } = await exportWith(openaiFormat, units);
    expect(output.records.map((record) => record.key)).toEqual(['run-1/c0001/L2#w0', 'run-1/c0001/L2#w1', 'run-1/c0001/L2#s12']);
    expect(output.notes).toEqual([
      "openai: 1 trajectories were split into 2 windows (keys <id>#w<n>) to stay within OpenAI fine-tuning's 10 images per example",
      "openai: 2 history screenshots in 1 step records were left out (oldest first) to stay within OpenAI fine-tuning's 10 images per example",
    ]);
    expect(await openaiFormat.checkFile(root, 'data/train.jsonl')).toEqual([]);
    const records = await jsonLines(root, 'data/train.jsonl');
    const lines = (await readFile(join(root, 'data/train.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(output.records.map((record) => record.sha256)).toEqual(lines.map((line) => sha256Hex(line)));
    const [first, second, step] = records as OpenAIRecord[];
    const count = (record: OpenAIRecord) =>
      record.messages.flatMap((message) => (message.role === 'user' ? message.content.filter((part) => part.type === 'image_url') : []))
        .length;
    expect(records.map(count)).toEqual([10, 3, 10]);
    expect(first!.messages[0]).toEqual({ role: 'system', content: 'You operate a web browser to complete the task.' });
    expect(first!.messages[2]).toEqual({
      role: 'assistant',
      tool_calls: [
        {
          id: 'call_0',
          type: 'function',
          function: {
            name: 'browser',
            arguments: '{"action":"click","ref":"e201","role":"link","name":"Write runbook","x":0.2852,"y":0.8625}',
          },
        },
      ],
    });
    expect(first!.messages[3]).toEqual({
      role: 'tool',
      tool_call_id: 'call_0',
      content: 'OK\nURL: http://127.0.0.1:3000/page/1\nTitle: Page 1 · Trackly',
    });
    expect(first!.messages[4]).toMatchObject({
      role: 'user',
      content: [{ type: 'image_url', image_url: { url: expect.stringMatching(/^data:image\/webp;base64,UklGR/) } }],
    });
    expect(second!.messages[second!.messages.length - 1]).toEqual({ role: 'assistant', content: `DONE: ${ANSWER}` });
    expect(JSON.stringify(second!.messages)).toContain('Error: Could not click button \\"Archive\\"');
    expect(step!.messages[2]).toEqual({ role: 'assistant', content: `DONE: ${ANSWER}` });
    expect(second!.tools).toEqual(first!.tools);
    expect(step!.tools[0]!.function.parameters).not.toHaveProperty('properties.x');

    // The SDK's own types take the records, and the SDK sends them unchanged.
    const typed: { messages: ChatCompletionMessageParam[]; tools: ChatCompletionTool[] } = first!;
    const server = await startFakeOpenAI({ kind: 'message', content: 'ok' });
    try {
      const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test', maxRetries: 0 });
      await client.chat.completions.create({
        model: 'gpt-4o-2024-08-06',
        messages: typed.messages,
        tools: typed.tools,
        parallel_tool_calls: false,
      });
      expect(server.requests[0]!.body.messages).toEqual(first!.messages);
      expect(server.requests[0]!.body.tools).toEqual(first!.tools);
    } finally {
      await server.close();
    }

    const huge = encodedImage(new Uint8Array(10 * 1024 * 1024 + 1), 'png', 1280, 800);
    const error = await exportWith(openaiFormat, [trajectoryUnit([huge, huge], 'pixel', 'absolute')]).catch((caught: unknown) => caught);
    expect(isTrajsynthError(error) && error.code).toBe('BAD_INPUT');
    expect((error as Error).message).toMatch(/^Expected every image to be at most 10485760 bytes for OpenAI fine-tuning, got 10485761/);
  });

  it('checks every fine-tuning rule and names the field', () => {
    const record = openaiRecords(stepUnit(png, 'pixel', 'absolute', 3, 2, 2), 'system')[0]!.record;
    const good = JSON.parse(JSON.stringify(record));
    expect(checkOpenAIRecord(good)).toEqual([]);
    const image = good.messages[1].content.find((part: any) => part.type === 'image_url');
    const call = good.messages[2].tool_calls[0];
    const variants: [string, (record: any) => void, RegExp][] = [
      [
        'image in an assistant message',
        (r) => (r.messages[2] = { role: 'assistant', content: [image] }),
        /^messages\[2\]\.content\[0\]: Expected a text part \(assistant messages carry no images\)/,
      ],
      [
        'image in a tool message',
        (r) => r.messages.push({ role: 'tool', tool_call_id: call.id, content: [image] }, { role: 'assistant', content: 'x' }),
        /^messages\[3\]\.content: Expected a string/,
      ],
      [
        'unparseable arguments',
        (r) => (r.messages[2].tool_calls[0].function.arguments = '{"action":'),
        /function\.arguments: Expected parseable JSON/,
      ],
      [
        'arguments not an object',
        (r) => (r.messages[2].tool_calls[0].function.arguments = '[1]'),
        /function\.arguments: Expected a JSON object/,
      ],
      [
        'undeclared function',
        (r) => (r.messages[2].tool_calls[0].function.name = 'computer'),
        /function\.name: Expected a function declared in tools \(browser\), got "computer"/,
      ],
      [
        'unanswered call',
        (r) => r.messages.push({ role: 'user', content: 'next' }, { role: 'assistant', content: 'x' }),
        /^messages\[2\]\.tool_calls: Expected a tool message answering call_0 before the next user message/,
      ],
      [
        'wrong tool_call_id',
        (r) => r.messages.push({ role: 'tool', tool_call_id: 'call_9', content: 'OK' }, { role: 'assistant', content: 'x' }),
        /^messages\[3\]\.tool_call_id: Expected the id of a call/,
      ],
      [
        'too many images',
        (r) => r.messages[1].content.push(...Array(OPENAI_MAX_IMAGES_PER_EXAMPLE).fill(image)),
        /^messages: Expected at most 10 images per example, got 1[23]/,
      ],
      [
        'gif data URL',
        (r) => (r.messages[1].content.find((part: any) => part.type === 'image_url').image_url.url = 'data:image/gif;base64,R0lGOD'),
        /image_url\.url: Expected an http\(s\) URL or a base64 data URL of image\/png, image\/jpeg or image\/webp/,
      ],
      [
        'unknown role',
        (r) => (r.messages[0].role = 'developer'),
        /^messages\[0\]\.role: Expected system, user, assistant or tool, got "developer"/,
      ],
      [
        'user last',
        (r) => r.messages.push({ role: 'tool', tool_call_id: call.id, content: 'OK' }),
        /Expected the last message to be the assistant/,
      ],
      ['unknown top-level key', (r) => (r.metadata = {}), /^metadata: Expected only messages, tools, parallel_tool_calls/],
    ];
    for (const [name, mutate, expected] of variants) {
      const broken = structuredClone(good);
      mutate(broken);
      const problems = checkOpenAIRecord(broken);
      expect(
        problems.some((problem) => expected.test(problem)),
        `${name}: ${problems.join(' | ')}`,
      ).toBe(true);
    }
  });
});

describe('sharegpt format', () => {
  it('writes LLaMA-Factory records with one <image> per image, alternating roles, image files and dataset_info', async () => {
    const units = [
      trajectoryUnit(png, 'both', 'thousandths'),
      stepUnit(png, 'pixel', 'absolute', 6, 4, 2),
      trajectoryUnit(png, 'ref', 'absolute', 'test'),
    ];
    const { root, output } = await exportWith(sharegptFormat, units);
    expect(output.files).toEqual([
      { path: 'data/test.json', split: 'test', records: 1 },
      { path: 'data/train.json', split: 'train', records: 2 },
      { path: 'dataset_info.json', split: '', records: 0 },
    ]);
    for (const file of output.files) expect(await sharegptFormat.checkFile(root, file.path)).toEqual([]);

    const info = JSON.parse(await readFile(join(root, 'dataset_info.json'), 'utf8'));
    expect(Object.keys(info)).toEqual(['trajsynth_test', 'trajsynth_train']);
    expect(info.trajsynth_train).toEqual({
      file_name: 'data/train.json',
      formatting: 'sharegpt',
      columns: { messages: 'messages', images: 'images' },
      tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
    });
    const train = JSON.parse(await readFile(join(root, info.trajsynth_train.file_name), 'utf8'));
    const lines = (await readFile(join(root, 'data/train.json'), 'utf8'))
      .split('\n')
      .slice(1, -2)
      .map((line) => line.replace(/,$/, ''));
    expect(output.records.filter((record) => record.split === 'train').map((record) => record.sha256)).toEqual(
      lines.map((line) => sha256Hex(line)),
    );

    for (const record of train) {
      const markers = record.messages
        .map((message: any) => (message.content.match(/<image>/g) ?? []).length)
        .reduce((a: number, b: number) => a + b, 0);
      expect(markers).toBe(record.images.length);
      expect(record.messages[0].role).toBe('system');
      record.messages.slice(1).forEach((message: any, index: number) => expect(message.role).toBe(index % 2 === 0 ? 'user' : 'assistant'));
      expect((record.messages.length - 1) % 2).toBe(0);
      for (const path of record.images) expect((await sharp(join(root, path)).metadata()).width).toBe(1280);
    }
    const [trajectory, step] = train;
    expect(trajectory.images).toHaveLength(STEPS.length + 1);
    expect(trajectory.messages[1].content).toContain('Mind the [image] tag.');
    expect(trajectory.messages[2].content).toBe('{"action":"click","ref":"e201","role":"link","name":"Write runbook","x":285,"y":863}');
    expect(JSON.parse(trajectory.messages[6].content)).toEqual({
      action: 'type',
      ref: 'e12',
      role: 'textbox',
      name: 'Title',
      x: 234,
      y: 250,
      text: 'Hello <image> world',
    });
    expect(JSON.parse(trajectory.messages[trajectory.messages.length - 1].content)).toEqual({ action: 'done', answer: ANSWER });
    expect(trajectory.messages[0].content).toContain('{"action": "done"}');
    expect(step.messages).toHaveLength(3);
    expect(step.images).toHaveLength(3);
    expect(JSON.parse(step.messages[2].content)).toEqual({ action: 'select', x: 500, y: 300, value: 'High' });

    const broken = structuredClone(step);
    broken.images.push('images/missing.png');
    broken.messages.push({ role: 'assistant', content: 'not json' });
    const problems = await checkShareGptRecord(root, broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'images: Expected as many images as <image> markers (3), got 4',
        expect.stringMatching(/^images\[3\]: Expected an existing, decodable image/),
        'messages[3].role: Expected "user" (user and assistant alternate after the system message), got "assistant"',
        'messages: Expected an even number of user and assistant messages ending with the assistant, got 3',
      ]),
    );
    await writeFile(join(root, 'dataset_info.json'), JSON.stringify({ x: { ...info.trajsynth_train, file_name: 'data/nope.json' } }));
    expect(await sharegptFormat.checkFile(root, 'dataset_info.json')).toEqual([
      expect.stringMatching(/^dataset_info\.json: x\.file_name: Expected data\/nope\.json to exist/),
    ]);
  });
});

describe('every chat format', () => {
  it('is registered and writes the same bytes for the same units', async () => {
    for (const id of ['openai', 'anthropic', 'sharegpt']) {
      const format = datasetFormat(id);
      const units = () => [trajectoryUnit(png, 'both', 'absolute'), stepUnit(png, 'both', 'absolute', 4, 3, 1)];
      const a = await exportWith(format, units());
      const b = await exportWith(format, units());
      expect(b.output).toEqual(a.output);
      for (const file of a.output.files)
        expect(sha256Hex(await readFile(join(b.root, file.path)))).toBe(sha256Hex(await readFile(join(a.root, file.path))));
    }
  });
});

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { askStructured } from '../../src/agents/model/structured.js';
import { toAction } from '../../src/model/providers/computer-tool-actions.js';
import { snapshotDiff } from '../../src/agents/model/snapshot-diff.js';
import { ANTHROPIC_PRICES, findModelPrice, priceUsage } from '../../src/cost/price-table.js';
import { meterCall } from '../../src/cost/metered-model.js';
import { imageTokens } from '../../src/cost/token-estimate.js';
import { requestKey } from '../../src/model/response-cache.js';
import type { LanguageModel, ModelRequest, ModelResponse } from '../../src/model/language-model.js';
import { mergeAgentConfig, roleSpecs, unpricedSpecs } from '../../src/pipeline/agent-config.js';

const usage = (input: number, output: number, cacheWrite = 0, cacheRead = 0) => ({
  inputTokens: input,
  outputTokens: output,
  cacheWriteTokens: cacheWrite,
  cacheReadTokens: cacheRead,
});

function response(toolInput: unknown, extra: Partial<ModelResponse> = {}): ModelResponse {
  return {
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    text: '',
    toolCalls: [{ type: 'tool-call', id: 'toolu_1', name: 'answer', input: toolInput }],
    stopReason: 'tool-use',
    usage: usage(10, 5),
    images: 0,
    latencyMs: 3,
    ...extra,
  };
}

/** A LanguageModel that answers from a queue and keeps the requests (the port, not a vendor). */
function queueModel(answers: ModelResponse[]): LanguageModel & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    requests,
    async generate(request) {
      requests.push(structuredClone({ ...request, signal: undefined, recorder: undefined }));
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next;
    },
  };
}

describe('price table', () => {
  it('prices each token kind at its rate, matches dated snapshots, and never calls an unknown model free', () => {
    expect(findModelPrice(ANTHROPIC_PRICES, 'claude-haiku-4-5-20251001')?.inputPerMTok).toBe(1);
    expect(priceUsage(ANTHROPIC_PRICES, 'claude-sonnet-4-6', usage(1_000_000, 100_000, 200_000, 2_000_000))).toBeCloseTo(
      3 + 1.5 + 0.75 + 0.6,
      10,
    );
    expect(priceUsage(ANTHROPIC_PRICES, 'claude-opus-4-1', usage(1000, 1000))).toBeCloseTo((1000 * 15 + 1000 * 75) / 1e6, 12);
    expect(priceUsage(ANTHROPIC_PRICES, 'claude-unknown-9', usage(1, 1))).toBeUndefined();
  });

  it('bills every token of a long prompt at the long-prompt tier where a model has one', () => {
    const short = priceUsage(ANTHROPIC_PRICES, 'claude-haiku-5-5', usage(100_000, 1000));
    const long = priceUsage(ANTHROPIC_PRICES, 'claude-haiku-5-5', usage(90_000, 1000, 0, 20_000));
    expect(short).toBeCloseTo((100_000 * 0.1 + 1000 * 0.5) / 1e6, 12);
    expect(long).toBeCloseTo((90_000 * 0.5 + 1000 * 2.5 + 20_000 * 0.05) / 1e6, 12);
  });

  it('meters a call with its table version, a cache hit at $0, an unpriced model as undefined', () => {
    const call = meterCall('executor', response({}, { usage: usage(1000, 200, 0, 3000) }), [ANTHROPIC_PRICES]);
    expect(call).toMatchObject({
      role: 'executor',
      model: 'claude-haiku-4-5',
      inputTokens: 1000,
      cacheReadTokens: 3000,
      priceTable: ANTHROPIC_PRICES.version,
    });
    expect(call.costUsd).toBeCloseTo((1000 * 1 + 200 * 5 + 3000 * 0.1) / 1e6, 12);
    expect(meterCall('executor', response({}, { fromCache: true }), [ANTHROPIC_PRICES])).toMatchObject({ costUsd: 0, fromCache: true });
    expect(
      meterCall('executor', response({}, { provider: 'openai-compatible', model: 'qwen' }), [ANTHROPIC_PRICES]).costUsd,
    ).toBeUndefined();
  });

  it('estimates a 1280×800 screenshot at 1366 tokens, and downscales large images first', () => {
    expect(imageTokens(1280, 800)).toBe(1366);
    expect(imageTokens(3000, 2000)).toBe(imageTokens(1314, 876));
  });
});

describe('structured answers', () => {
  const schema = z.object({ count: z.number().int() });

  it('shows the model its mistake once and accepts the repaired answer', async () => {
    const model = queueModel([response({ count: 'three' }), response({ count: 3 })]);
    const calls: string[] = [];
    const value = await askStructured({
      model,
      role: 'proposer',
      system: 's',
      content: [{ type: 'text', text: 'q' }],
      schema,
      toolName: 'answer',
      toolDescription: 'd',
      recorder: { record: (call) => calls.push(call.role) },
    });
    expect(value).toEqual({ count: 3 });
    const repair = model.requests[1]!.messages;
    expect(repair).toHaveLength(3);
    expect(repair[2]!.content[0]).toMatchObject({ type: 'tool-result', callId: 'toolu_1', isError: true });
    expect(JSON.stringify(repair[2])).toMatch(/count: .*expected number/i);
    expect(model.requests[0]!.toolChoice).toEqual({ type: 'tool', name: 'answer' });
  });

  it('gives up after the repair turn with MODEL_OUTPUT_INVALID naming the problem', async () => {
    const model = queueModel([response({ wrong: 1 }), response({ wrong: 2 })]);
    await expect(
      askStructured({ model, role: 'verifier', system: 's', content: [], schema, toolName: 'answer', toolDescription: 'd' }),
    ).rejects.toMatchObject({ code: 'MODEL_OUTPUT_INVALID', message: expect.stringMatching(/verifier model .*count/) });
  });

  it('runs extra validation (such as "false before the task") through the same repair turn', async () => {
    const model = queueModel([response({ count: 1 }), response({ count: 2 })]);
    const value = await askStructured({
      model,
      role: 'proposer',
      system: 's',
      content: [],
      schema,
      toolName: 'answer',
      toolDescription: 'd',
      validate: (candidate) => (candidate.count === 1 ? 'Already true before the task.' : undefined),
    });
    expect(value.count).toBe(2);
    expect(JSON.stringify(model.requests[1]!.messages[2])).toContain('Already true before the task.');
  });
});

describe('computer use', () => {
  it('maps scaled coordinates back to page pixels and xdotool keys to Playwright keys', () => {
    const call = (input: unknown) => ({ type: 'tool-call' as const, id: 't', name: 'computer', input });
    expect(toAction(call({ action: 'left_click', coordinate: [512, 320] }), 0.8, undefined)).toMatchObject({
      kind: 'act',
      action: { type: 'click', target: { point: { x: 640, y: 400 } } },
    });
    expect(toAction(call({ action: 'key', text: 'ctrl+Return' }), 0.8, undefined)).toMatchObject({
      action: { type: 'press', key: 'Control+Enter' },
    });
    expect(toAction(call({ action: 'type', text: 'hello' }), 0.8, { x: 10, y: 20 })).toMatchObject({
      action: { type: 'type', text: 'hello', clear: false, target: { point: { x: 10, y: 20 } } },
    });
    expect(
      toAction(call({ action: 'scroll', coordinate: [80, 80], scroll_direction: 'up', scroll_amount: 2 }), 0.8, undefined),
    ).toMatchObject({ action: { type: 'scroll', deltaY: -200, target: { point: { x: 100, y: 100 } } } });
    expect(toAction(call({ action: 'zoom' }), 0.8, undefined)).toMatchObject({ kind: 'unsupported' });
  });

  it('maps double_click to a dblclick at the scaled point, or where the mouse last was', () => {
    const call = (input: unknown) => ({ type: 'tool-call' as const, id: 't', name: 'computer', input });
    expect(toAction(call({ action: 'double_click', coordinate: [512, 320] }), 0.8, undefined)).toEqual({
      kind: 'act',
      action: { type: 'dblclick', target: { point: { x: 640, y: 400 } } },
      point: { x: 640, y: 400 },
    });
    expect(toAction(call({ action: 'double_click' }), 0.8, { x: 10, y: 20 })).toEqual({
      kind: 'act',
      action: { type: 'dblclick', target: { point: { x: 10, y: 20 } } },
    });
    expect(toAction(call({ action: 'double_click' }), 0.8, undefined)).toEqual({
      kind: 'unsupported',
      reason: 'double_click needs a coordinate',
    });
    expect(toAction(call({ action: 'triple_click', coordinate: [8, 8] }), 0.8, undefined)).toMatchObject({
      action: { type: 'click', target: { point: { x: 10, y: 10 } } },
    });
  });
});

describe('response cache keys and agent config', () => {
  it('keys a request by what shapes the answer, not by a local server port', async () => {
    const request = (port: number): ModelRequest => ({
      role: 'executor',
      system: 's',
      messages: [{ role: 'user', content: [{ type: 'text', text: `Current page: x — http://127.0.0.1:${port}/projects/1` }] }],
      maxOutputTokens: 10,
    });
    expect(await requestKey('anthropic', 'm', request(4100))).toBe(await requestKey('anthropic', 'm', request(53311)));
    expect(await requestKey('anthropic', 'm', request(4100))).not.toBe(await requestKey('anthropic', 'other', request(4100)));
  });

  it('keys a screenshot by what it shows: raster noise in a few pixels keeps the key, a changed screen does not', async () => {
    // A page-like image: white, a dark bar and a blue button.
    const page = async (edit?: (pixels: Buffer) => void): Promise<string> => {
      const pixels = Buffer.alloc(1280 * 800 * 3, 255);
      const fill = (x0: number, y0: number, w: number, h: number, rgb: number[]) => {
        for (let y = y0; y < y0 + h; y += 1) for (let x = x0; x < x0 + w; x += 1) pixels.set(rgb, (y * 1280 + x) * 3);
      };
      fill(0, 0, 1280, 60, [30, 30, 60]);
      fill(1146, 380, 110, 40, [80, 70, 220]);
      edit?.(pixels);
      return (
        await sharp(pixels, { raw: { width: 1280, height: 800, channels: 3 } })
          .png()
          .toBuffer()
      ).toString('base64');
    };
    const request = (dataBase64: string): ModelRequest => ({
      role: 'executor',
      system: 's',
      messages: [{ role: 'user', content: [{ type: 'image', mediaType: 'image/png', dataBase64 }] }],
      maxOutputTokens: 10,
    });
    const key = await requestKey('anthropic', 'm', request(await page()));
    // What two renders of one page were measured to differ by: 34 pixels at a button's edge, by up to 27 levels.
    const noisy = await page((pixels) => {
      for (let index = 0; index < 34; index += 1) pixels[((392 + (index % 8)) * 1280 + 1144 + Math.floor(index / 8)) * 3] -= 9;
    });
    expect(await requestKey('anthropic', 'm', request(noisy))).toBe(key);
    // A dialog opened over the page.
    const changed = await page((pixels) => {
      for (let y = 200; y < 500; y += 1) for (let x = 400; x < 880; x += 1) pixels.set([120, 120, 120], (y * 1280 + x) * 3);
    });
    expect(await requestKey('anthropic', 'm', request(changed))).not.toBe(key);
  });

  it('resolves per-role specs over --model over the config file, and finds unpriced models', () => {
    const config = mergeAgentConfig(
      { model: 'anthropic:claude-haiku-4-5', roles: { verifier: 'heuristic' } },
      { roles: { executor: 'openai:qwen2.5-vl' } },
    );
    expect(roleSpecs(config)).toMatchObject({
      proposer: 'anthropic:claude-haiku-4-5',
      executor: 'openai:qwen2.5-vl',
      verifier: 'heuristic',
    });
    expect(unpricedSpecs(config)).toEqual(['openai:qwen2.5-vl']);
    expect(
      unpricedSpecs({
        ...config,
        prices: [{ provider: 'openai', model: 'qwen2.5-vl', inputPerMTok: 0, outputPerMTok: 0, cacheWritePerMTok: 0, cacheReadPerMTok: 0 }],
      }),
    ).toEqual([]);
  });

  it('describes a snapshot change without refs', () => {
    expect(snapshotDiff('- checkbox "Done" [ref=e4]\n- text: a', '- checkbox "Done" [checked] [ref=e9]\n- text: a')).toBe(
      '- - checkbox "Done"\n+ - checkbox "Done" [checked]',
    );
  });
});

import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { launchBrowser } from '../../src/browser/index.js';
import { Rng } from '../../src/core/random.js';
import { ComputerUseExecutor } from '../../src/agents/model/computer-use-executor.js';
import { AnthropicModel } from '../../src/model/providers/index.js';
import { startEnvironment } from '../../src/environments/start-environment.js';
import { findPagesForRoutes } from '../../src/environments/site-map.js';
import { entryPage, entryRoute } from '../../src/pipeline/entry-route.js';
import { getBundledApp } from '../../src/environments/registry.js';
import { startFakeAnthropic, type FakeAnthropicReply } from '../support/fake-anthropic.js';
import type { StepRecord } from '../../src/agents/roles.js';

describe('the computer-use executor, through the real SDK and a real browser', () => {
  it('sends a screenshot scaled to the display it declares, and clicks where the model pointed, in page pixels', async () => {
    const browser = await launchBrowser();
    const environment = await startEnvironment('project-tracker', { seed: 3 });
    let target: { x: number; y: number } | undefined;
    const server = await startFakeAnthropic((_request, index): FakeAnthropicReply => {
      if (index === 0)
        return {
          kind: 'message',
          content: [
            {
              type: 'tool_use',
              name: 'computer',
              input: { action: 'left_click', coordinate: [Math.round(target!.x * 0.8), Math.round(target!.y * 0.8)] },
            },
          ],
          usage: { input_tokens: 900, output_tokens: 40 },
        };
      return { kind: 'message', content: [{ type: 'text', text: 'DONE' }], usage: { input_tokens: 1900, output_tokens: 5 } };
    });
    try {
      const session = await browser.newSession({ origin: environment.origin });
      await session.goto('/projects/1');
      const observation = await session.observe();
      const box = observation.elements.find(
        (element) =>
          element.role === 'checkbox' && element.checked === false && /^Mark /.test(element.name) && element.box && element.box.y < 700,
      )!;
      target = { x: Math.round(box.box!.x + box.box!.width / 2), y: Math.round(box.box!.y + box.box!.height / 2) };
      const steps: StepRecord[] = [];
      const executor = new ComputerUseExecutor(
        new AnthropicModel({ model: 'claude-sonnet-4-6', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 }),
      );
      const attempt = await executor.run({
        proposal: {
          description: `Tick ${box.name}.`,
          predicates: [{ kind: 'url', includes: '/' }],
          interaction: 'toggle',
          entities: [],
          proposedAt: '/projects/1',
        },
        session,
        observation,
        maxSteps: 4,
        rng: new Rng(1),
        recordStep: async (step) => void steps.push(step),
      });
      expect(steps).toHaveLength(1);
      const executed = steps[0]!.executed;
      expect(executed.outcome.ok).toBe(true);
      expect(Math.abs(executed.coordinates!.x - target.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(executed.coordinates!.y - target.y)).toBeLessThanOrEqual(1);
      expect(attempt.stoppedBecause).toBeUndefined();
      const title = /Mark “(.*)” done/.exec(box.name)![1];
      const state = await environment.readState();
      expect(state!.tasks!.find((task) => task.title === title)?.status).toBe('done');

      const first = server.requests[0]!;
      expect(first.headers['anthropic-beta']).toContain('computer-use-2025-01-24');
      const tool = first.body.tools.find((candidate: { name: string }) => candidate.name === 'computer');
      expect(tool).toMatchObject({ type: 'computer_20250124', display_width_px: 1024, display_height_px: 640 });
      const image = first.body.messages[0].content.find((block: { type: string }) => block.type === 'image');
      const meta = await sharp(Buffer.from(image.source.data, 'base64')).metadata();
      expect([meta.width, meta.height]).toEqual([1024, 640]);
      // The second request carries the tool result: the screen after the click, scaled the same way.
      const result = server.requests[1]!.body.messages.at(-1).content[0];
      expect(result.type).toBe('tool_result');
      expect(result.content.some((block: { type: string }) => block.type === 'image')).toBe(true);
      await session.close();
    } finally {
      await server.close();
      await environment.close();
      await browser.close();
    }
  });
});

describe('chain entry pages', () => {
  it('rotates over the routes an app declares, densest first, and finds a concrete page for each by following links', async () => {
    const manifest = getBundledApp('shop').manifest;
    const routes = Array.from({ length: 4 }, (_, ordinal) => entryRoute(manifest, ordinal));
    expect(routes[0]).toBe('/');
    expect(new Set(routes).size).toBe(4);
    expect(routes[1]).toBe('/products');
    const environment = await startEnvironment('shop', { seed: 2 });
    try {
      const pages = await findPagesForRoutes(environment.origin, '/', ['/products/:id', '/orders/:id', '/checkout', '/nowhere/:id']);
      expect(pages.get('/products/:id')).toMatch(/^\/products\/\d+$/);
      expect(pages.get('/orders/:id')).toMatch(/^\/orders\/\d+$/);
      expect(pages.has('/nowhere/:id')).toBe(false);
    } finally {
      await environment.close();
    }
    // A route that is one alternative of a declaration (`/mail/:folder|/labels/:id`) resolves too.
    const mail = await startEnvironment('mail', { seed: 2 });
    try {
      expect(await entryPage(mail, '/labels/:id', undefined)).toMatch(/^\/labels\/\d+$/);
      expect(await entryPage(mail, '/mail/:folder', undefined)).toBe('/mail/inbox');
    } finally {
      await mail.close();
    }
  });
});

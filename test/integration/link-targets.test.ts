import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedObservation } from '../../src/core/index.js';
import { findChromium, launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { findAffordances } from '../../src/agents/heuristic/affordances.js';
import { proposalFromAffordance } from '../../src/agents/heuristic/propose-from-affordance.js';
import { PERSONAS } from '../../src/agents/personas.js';
import { Rng } from '../../src/core/random.js';

/** Tabs that are links, a tab that is a button, and a menu of links, as many sites write them. */
const PAGE = `<!doctype html><html><head><title>Orders</title></head><body><main>
<h1>Orders</h1>
<div role="tablist" aria-label="View">
  <a role="tab" aria-selected="true" href="/orders">All <span>10</span></a>
  <a role="tab" aria-selected="false" href="/orders?status=delivered">Delivered <span>5</span></a>
  <button role="tab" aria-selected="false" type="button">Details</button>
</div>
<div role="menu" aria-label="Account"><a role="menuitem" href="/settings">Settings</a></div>
</main></body></html>`;

let server: Server;
let origin: string;
let browser: BrowserHandle;
let observation: CapturedObservation;

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser({ executablePath: findChromium().executablePath });
  const session = await browser.newSession({ origin });
  await session.goto('/orders');
  observation = await session.observe({ screenshot: false });
  await session.close();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('where tabs and menu items that are links lead', () => {
  it('gives a link-tab and a link-menu item the address a link would have, and a button-tab none', () => {
    const byName = (role: string, name: string) => observation.elements.find((element) => element.role === role && element.name === name);
    expect(byName('tab', 'Delivered 5')?.url).toBe('/orders?status=delivered');
    expect(byName('menuitem', 'Settings')?.url).toBe('/settings');
    expect(byName('tab', 'Details')).toBeDefined();
    expect(byName('tab', 'Details')?.url).toBeUndefined();
    expect(observation.snapshot).toContain('/url: /orders?status=delivered');
  });

  it('lets the heuristic proposer send a chain to another tab of a list', () => {
    const tab = findAffordances(observation).find((affordance) => affordance.key === 'navigate:Delivered 5')!;
    const proposal = proposalFromAffordance({
      affordance: tab,
      observation,
      persona: PERSONAS[0]!,
      rng: new Rng(1),
      hasStateProbe: false,
      chainEntities: [],
    });
    expect(proposal?.predicates).toEqual([{ kind: 'url', includes: '/orders?status=delivered', exact: true }]);
  });
});

/**
 * Helpers shared by the bundled-app integration tests (test/integration/*-app.test.ts): start an app
 * on 127.0.0.1, port 0, read its state probe and reset it (with the server's secret), post its forms, read flash cookies, and drive it from a
 * real Chromium.
 *
 *   type State = Record<'projects' | 'tasks', StateRecord[]>;
 *   const { withApp, readState, readStateText } = appHarness<State>(projectTracker);
 */
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HARNESS_SECRET_HEADER, RESET_PATH, STATE_PROBE_PATH, type AppServer, type BundledApp } from '../../src/core/environment.js';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/index.js';

export type StateRecord = Record<string, unknown>;

export interface AppHarness<State> {
  /** Starts the app with `seed`, runs `run` against it, and always closes it. */
  withApp<T>(seed: number, run: (app: AppServer) => Promise<T>): Promise<T>;
  /** The state probe's body, after checking it answered 200 with JSON. */
  readStateText(app: AppServer): Promise<string>;
  /** The state probe, parsed. */
  readState(app: AppServer): Promise<State>;
}

export function appHarness<State>(bundled: BundledApp): AppHarness<State> {
  async function withApp<T>(seed: number, run: (app: AppServer) => Promise<T>): Promise<T> {
    const app = await bundled.start({ seed, host: '127.0.0.1', port: 0 });
    try {
      return await run(app);
    } finally {
      await app.close();
    }
  }

  async function readStateText(app: AppServer): Promise<string> {
    const response = await fetch(app.origin + STATE_PROBE_PATH, { headers: { [HARNESS_SECRET_HEADER]: app.secret } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    return response.text();
  }

  async function readState(app: AppServer): Promise<State> {
    return JSON.parse(await readStateText(app)) as State;
  }

  return { withApp, readStateText, readState };
}

/** POSTs the harness's reset to `seed`, with the server's secret. */
export function postReset(app: AppServer, seed: number): Promise<Response> {
  return fetch(app.origin + RESET_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HARNESS_SECRET_HEADER]: app.secret },
    body: JSON.stringify({ seed }),
  });
}

/** POSTs a urlencoded form without following the redirect. */
export function postForm(app: AppServer, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${app.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/** The (decoded) set-cookie header, where the apps put their flash message. */
export function flashOf(response: Response): string {
  return decodeURIComponent(response.headers.get('set-cookie') ?? '');
}

export function byId(records: StateRecord[], id: unknown): StateRecord | undefined {
  return records.find((record) => record.id === id);
}

/** Launches the Chromium the browser layer finds, with its usual arguments. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium().executablePath, args: [...CHROMIUM_ARGS] });
}

/** Waits until the page's status region contains `text`, then for the page to finish loading. */
export async function waitForStatus(page: Page, text: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await page
          .getByRole('status')
          .textContent()
          .catch(() => '')) ?? '',
    )
    .toContain(text);
  await page.waitForLoadState('load');
}

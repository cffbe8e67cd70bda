import type { BrowserContext, Page } from 'playwright-core';
import { HARNESS_BLOCK_REASON, isAllowedUrl, isHarnessUrl } from './url.js';

const BINDING = '__trajsynthBlocked';

/**
 * Keeps an episode on its page and its origins. Navigations outside the allowed origins, new
 * windows, downloads and file choosers are blocked, never followed; each block is recorded and
 * becomes the error of the step that caused it (the agent sees it in its next observation).
 * The harness's endpoints (/__trajsynth/ on any origin) are closed to every request: a navigation
 * there is blocked like one off-site, and a page's own fetch of them fails.
 *
 * A blocked navigation is answered with 204 No Content, so the page stays where it was instead of
 * landing on an error page.
 */
export class SessionGuard {
  private events: string[] = [];

  private constructor() {}

  static async install(context: BrowserContext, page: Page, allowedOrigins: readonly string[] | undefined): Promise<SessionGuard> {
    const guard = new SessionGuard();
    await context.exposeBinding(BINDING, (_source, message: unknown) => guard.record(String(message)));
    await context.addInitScript(blockNewWindows, BINDING);
    await context.route(
      (url) => isHarnessUrl(url.toString()) || (allowedOrigins !== undefined && !isAllowedUrl(url.toString(), allowedOrigins)),
      async (route) => {
        const request = route.request();
        if (isHarnessUrl(request.url())) {
          if (!request.isNavigationRequest()) return route.abort('blockedbyclient');
          guard.record(`Blocked navigation to ${request.url()}: ${HARNESS_BLOCK_REASON}`);
          return route.fulfill({ status: 204, body: '' });
        }
        if (!request.isNavigationRequest() || allowedOrigins === undefined) return route.continue();
        guard.record(`Blocked navigation to ${request.url()}: it is outside the allowed origins (${allowedOrigins.join(', ')})`);
        return route.fulfill({ status: 204, body: '' });
      },
    );
    // Popups of the agent's page only: the page reader opens scratch pages of its own in this context.
    page.on('popup', (opened) => {
      guard.record(
        `Blocked a new window${opened.url() && opened.url() !== 'about:blank' ? ` (${opened.url()})` : ''}: popups are not followed`,
      );
      void opened.close().catch(() => undefined);
    });
    page.on('download', (download) => {
      guard.record(`Blocked a download of "${download.suggestedFilename()}": downloads are not followed`);
      void download.cancel().catch(() => undefined);
    });
    page.on('filechooser', () => guard.record('Blocked a file chooser: uploading files is not supported'));
    return guard;
  }

  record(message: string): void {
    this.events.push(message);
  }

  /** The blocks recorded since the last call. */
  take(): string[] {
    const taken = this.events;
    this.events = [];
    return taken;
  }
}

/**
 * Runs in every page before its scripts: a link or form aimed at a new window, and window.open,
 * are stopped and reported instead of opening anything.
 */
function blockNewWindows(binding: string): void {
  const report = (message: string): void => {
    const send = (window as unknown as Record<string, ((message: string) => void) | undefined>)[binding];
    send?.(message);
  };
  const opensNewWindow = (target: string | null): boolean =>
    target !== null && target !== '' && !['_self', '_top', '_parent'].includes(target);
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href], area[href]') : null;
      if (link && opensNewWindow(link.getAttribute('target'))) {
        event.preventDefault();
        report(`Blocked a new window (${(link as HTMLAnchorElement).href}): popups are not followed`);
      }
    },
    true,
  );
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target instanceof HTMLFormElement ? event.target : null;
      if (form && opensNewWindow(form.getAttribute('target'))) {
        event.preventDefault();
        report(`Blocked a form that opens a new window (${form.action}): popups are not followed`);
      }
    },
    true,
  );
  window.open = (url?: string | URL): Window | null => {
    report(`Blocked a new window${url ? ` (${String(url)})` : ''}: popups are not followed`);
    return null;
  };
}

import type { BrowserHandle } from '../browser/browser-types.js';

/**
 * The browser server named by --browser, connected (BROWSER_UNREACHABLE, before anything is
 * written, when it does not answer), or undefined without the flag: the pipeline then launches
 * Chromium itself. The caller closes it.
 */
export async function connectRemoteBrowser(wsEndpoint: string | undefined, signal: AbortSignal): Promise<BrowserHandle | undefined> {
  if (wsEndpoint === undefined) return undefined;
  const { connectBrowser } = await import('../browser/connect.js');
  return connectBrowser({ wsEndpoint, signal });
}

/**
 * What to do when chains or episodes ended because the browser server went away (its connection
 * dropped and it did not come back in time), or undefined when none did.
 */
export function browserServerLostText(
  wsEndpoint: string | undefined,
  errorCodes: Iterable<string | undefined>,
  what: string,
): string | undefined {
  if (wsEndpoint === undefined) return undefined;
  const codes = [...errorCodes];
  const lost = codes.filter((code) => code === 'BROWSER_UNREACHABLE' || code === 'BROWSER_CRASHED').length;
  if (lost === 0) return undefined;
  const url = new URL(wsEndpoint);
  return (
    `${lost} ${what} ended because the browser server at ${wsEndpoint} went away. Start it again on its machine ` +
    `(\`trajsynth browser-server --port ${url.port || (url.protocol === 'wss:' ? 443 : 80)} --ws-path ${url.pathname}\` serves the same endpoint; add --host as before), ` +
    'then run the same command with --resume to redo them.\n'
  );
}

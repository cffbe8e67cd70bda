/*
 * Checking a browser server's endpoint. Nothing here loads Playwright: the CLI checks --browser with
 * it before any command loads the browser stack.
 */

/** The port `trajsynth browser-server` listens on unless told otherwise. */
export const DEFAULT_BROWSER_SERVER_PORT = 9333;

/** What is wrong with `text` as a browser server endpoint (ws://HOST:PORT/PATH), or undefined if nothing. */
export function wsEndpointProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol === 'http:' || url.protocol === 'https:')
    return `an ${url.protocol.slice(0, -1)} URL (a browser server speaks WebSocket: ws://${url.host}${url.pathname})`;
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return `a ${url.protocol} URL, not ws:// or wss://`;
  if (!url.hostname) return 'no host';
  if (url.hash) return 'a #fragment, which a WebSocket endpoint cannot have';
  return undefined;
}

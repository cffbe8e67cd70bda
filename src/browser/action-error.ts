import { errorMessage } from '../core/index.js';

const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;
/** Playwright's "Timeout 5000ms exceeded." names the scaled limit, which differs by machine and load. */
const TIMEOUT_HEADLINE = /\bTimeout \d+ms exceeded\.?/;
const NOISE_LINE = /^(Call log:|waiting for |locator resolved to|attempting |retrying |\d+ × |- waiting \d+ms|waiting \d+ms)/;
const MAX_ERROR_LENGTH = 400;

/**
 * Turns a Playwright error into one readable line for the agent: the headline without the
 * `locator.click:` prefix, plus the last informative line of the call log ("element is not enabled",
 * "<div> intercepts pointer events"), which is usually the real reason behind a timeout.
 */
export function summarizeActionError(error: unknown): string {
  const text = errorMessage(error).replace(ANSI_ESCAPE, '');
  const lines = text
    .split('\n')
    .map((line) => line.trim().replace(/^-\s*/, ''))
    .filter((line) => line.length > 0);
  // The same failure must read the same on any machine: the agent sees this text (and a model's
  // response cache keys on it), so the number of milliseconds is left out.
  const headline = (lines[0] ?? 'unknown error')
    .replace(/^[a-zA-Z]+\.[a-zA-Z]+: /, '')
    .replace(/^Error: /, '')
    .replace(TIMEOUT_HEADLINE, 'Timed out.');
  const logStart = lines.indexOf('Call log:');
  const log = logStart >= 0 ? lines.slice(logStart + 1) : [];
  const reason = [...log].reverse().find((line) => !NOISE_LINE.test(line));
  const summary = reason && !headline.includes(reason) ? `${headline} (${reason})` : headline;
  return summary.length > MAX_ERROR_LENGTH ? `${summary.slice(0, MAX_ERROR_LENGTH - 1)}…` : summary;
}

/**
 * Whether Playwright's call log says a failed pointer action was performed before it failed: it
 * logs "click action done" once the click is dispatched and then waits for the navigation it
 * started; a timeout in that wait (a slow server, a loaded machine) means the click worked. The log
 * is one piece of evidence (execute-action also asks the page whether it started a navigation).
 */
export function wasPerformed(error: unknown): boolean {
  return /\b(click|dblclick|tap|hover) action done\b/.test(errorMessage(error).replace(ANSI_ESCAPE, ''));
}

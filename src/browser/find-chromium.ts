import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TrajsynthError } from '../core/index.js';

export type ChromiumSource = 'env' | 'playwright-cache' | 'system';

export interface ChromiumLocation {
  executablePath: string;
  source: ChromiumSource;
}

export interface FindChromiumOptions {
  /** Environment to read TRAJSYNTH_CHROMIUM, CHROME_PATH and PLAYWRIGHT_BROWSERS_PATH from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Home directory whose ~/.cache/ms-playwright is searched when PLAYWRIGHT_BROWSERS_PATH is unset. */
  homeDir?: string;
  /** System paths to try last, in order (default: the usual Linux and macOS install locations). */
  systemPaths?: readonly string[];
}

/** Environment variables that name a Chromium executable, in order of precedence. */
export const CHROMIUM_ENV_VARS = ['TRAJSYNTH_CHROMIUM', 'CHROME_PATH'] as const;

/**
 * Headless shell first: trajsynth only runs headless, and the shell (Chromium's old headless mode,
 * what Playwright itself runs for headless) needs far less CPU than full Chromium in its new headless
 * mode. Measured on 2 cores (Debian 156): a context with one page opened, loaded and closed costs
 * 0.55 CPU-s against 1.46, and a screenshot with an accessibility snapshot 280 ms of CPU against 490.
 * The binary itself, not Debian's /usr/bin wrapper script, so the browser is Playwright's child.
 */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Executables inside one Playwright browser directory (chromium-1234, chromium_headless_shell-1234). */
const PLAYWRIGHT_EXECUTABLES: readonly string[] = [
  'chrome-linux64/chrome',
  'chrome-linux/chrome',
  'chrome-headless-shell-linux64/chrome-headless-shell',
  'chrome-linux/headless_shell',
  'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium',
  'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
  'chrome-headless-shell-mac-arm64/chrome-headless-shell',
  'chrome-headless-shell-mac-x64/chrome-headless-shell',
];

export const INSTALL_CHROMIUM_HINT =
  'Install one: `apt-get install -y chromium-headless-shell` (Debian/Ubuntu; `chromium` works too), or set TRAJSYNTH_CHROMIUM=/path/to/chrome';

/**
 * Finds a Chromium to drive: the TRAJSYNTH_CHROMIUM (then CHROME_PATH) variable, then Playwright's
 * browser cache (headless shell before full Chromium, newest revision first), then system installs.
 * A variable that is set but names no executable is an error, never silently skipped.
 */
export function findChromium(options: FindChromiumOptions = {}): ChromiumLocation {
  const env = options.env ?? process.env;
  for (const variable of CHROMIUM_ENV_VARS) {
    const value = env[variable];
    if (!value) continue;
    const problem = executableProblem(value);
    if (problem) {
      throw new TrajsynthError(`Expected ${variable} to point to a Chromium executable, got ${value} (${problem})`, {
        code: 'BROWSER_NOT_FOUND',
        hint: `Fix or unset ${variable}. ${INSTALL_CHROMIUM_HINT}`,
      });
    }
    return { executablePath: value, source: 'env' };
  }

  const cacheDir = playwrightCacheDir(env, options.homeDir);
  if (cacheDir) {
    for (const candidate of playwrightCandidates(cacheDir)) {
      if (!executableProblem(candidate)) return { executablePath: candidate, source: 'playwright-cache' };
    }
  }

  const systemPaths = options.systemPaths ?? SYSTEM_CHROMIUM_PATHS;
  for (const candidate of systemPaths) {
    if (!executableProblem(candidate)) return { executablePath: candidate, source: 'system' };
  }

  const looked = [
    `${CHROMIUM_ENV_VARS.join(' and ')} (unset)`,
    cacheDir ? `Playwright's cache ${cacheDir}` : "Playwright's cache (disabled by PLAYWRIGHT_BROWSERS_PATH=0)",
    ...systemPaths,
  ];
  throw new TrajsynthError(`Expected a Chromium executable, found none. Looked in: ${looked.join(', ')}`, {
    code: 'BROWSER_NOT_FOUND',
    hint: INSTALL_CHROMIUM_HINT,
  });
}

function playwrightCacheDir(env: NodeJS.ProcessEnv, homeDir: string | undefined): string | undefined {
  const configured = env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured === '0') return undefined;
  if (configured) return configured;
  return join(homeDir ?? homedir(), '.cache', 'ms-playwright');
}

/** Candidate executables in a Playwright cache: headless shell before full Chromium, newest revision first. */
export function playwrightCandidates(cacheDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(cacheDir);
  } catch {
    return [];
  }
  const browsers = entries
    .map((entry) => /^(chromium|chromium_headless_shell)-(\d+)$/.exec(entry))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ dir: match[0], headlessShell: match[1] !== 'chromium', revision: Number(match[2]) }))
    .sort((a, b) => Number(b.headlessShell) - Number(a.headlessShell) || b.revision - a.revision);
  return browsers.flatMap((browser) => PLAYWRIGHT_EXECUTABLES.map((relative) => join(cacheDir, browser.dir, relative)));
}

/** Why a path is not a usable executable, or undefined when it is one. */
function executableProblem(path: string): string | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return 'no such file';
  }
  if (!isFile) return 'not a file';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return 'not executable';
  }
  return undefined;
}

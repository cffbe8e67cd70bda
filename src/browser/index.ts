export { findChromium, CHROMIUM_ENV_VARS, SYSTEM_CHROMIUM_PATHS, INSTALL_CHROMIUM_HINT } from './find-chromium.js';
export type { ChromiumLocation, ChromiumSource, FindChromiumOptions } from './find-chromium.js';
export { browserProcessesFor, launchBrowser, CHROMIUM_ARGS } from './launch.js';
export { connectBrowser, RECONNECT_ENV } from './connect.js';
export { startBrowserServer } from './browser-server.js';
export { DEFAULT_BROWSER_SERVER_PORT, wsEndpointProblem } from './ws-endpoint.js';
export type {
  BrowserHandle,
  BrowserServerOptions,
  ConnectBrowserOptions,
  RunningBrowserServer,
  BrowserSession,
  ExecuteOptions,
  ExecuteResult,
  LaunchBrowserOptions,
  NewSessionOptions,
  ObserveOptions,
} from './browser-types.js';
export { DEFAULT_ACTION_TIMEOUT_MS, MAX_WAIT_MS } from './limits.js';
export { annotateScreenshot } from './annotate.js';
export type { ActionMarker } from './annotate.js';
export { describeAction, describeTarget } from './describe.js';
export { renderAriaSnapshot } from './aria-render.js';
export { flattenAriaElements } from './aria-elements.js';
export { parseAriaSnapshot } from './aria-node.js';
export type { AriaNode, AriaChild } from './aria-node.js';

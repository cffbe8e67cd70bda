import type { AppServer, AppStartOptions } from '../../src/core/environment.js';
import { startAppServer } from '../kit/http-server.js';
import { handle } from './routes.js';
import { BankStore } from './store.js';

/** Starts one episode's server: its own store, seeded from `options.seed`. */
export async function startServer(options: AppStartOptions): Promise<AppServer> {
  const store = new BankStore(options.seed);
  return startAppServer({
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    flashCookie: 'tidewell_flash',
    handle: (request) => handle(store, request),
  });
}

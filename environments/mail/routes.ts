import { z } from 'zod';
import { jsonResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as forms from './routes-forms.js';
import * as messages from './routes-messages.js';
import * as pages from './routes-pages.js';
import type { MailStore } from './store.js';
import { STYLES } from './styles.js';

export const STATE_PATH = '/__trajsynth/state';
export const RESET_PATH = '/__trajsynth/reset';

const ResetBodySchema = z.object({ seed: z.number().int() });

/** `param` is the pattern's first capture group ('' when it has none). */
type Handler = (store: MailStore, request: AppRequest, param: string) => AppResponse;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handler: Handler;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/$/, handler: () => redirect('/mail/inbox') },
  { method: 'GET', pattern: /^\/mail$/, handler: () => redirect('/mail/inbox') },
  { method: 'GET', pattern: /^\/mail\/([a-z]+)$/, handler: pages.mailboxPage },
  { method: 'GET', pattern: /^\/labels\/(\d+)$/, handler: pages.labelPage },
  { method: 'POST', pattern: /^\/labels$/, handler: forms.createLabel },
  { method: 'POST', pattern: /^\/labels\/(\d+)\/delete$/, handler: forms.deleteLabel },
  { method: 'GET', pattern: /^\/messages\/(\d+)$/, handler: pages.messagePage },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/read$/, handler: messages.setRead },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/star$/, handler: messages.setStarred },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/archive$/, handler: messages.archive },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/unarchive$/, handler: messages.unarchive },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/restore$/, handler: messages.restore },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/move$/, handler: messages.move },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/labels$/, handler: messages.addLabel },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/unlabel$/, handler: messages.removeLabel },
  { method: 'POST', pattern: /^\/messages\/(\d+)\/delete$/, handler: messages.deleteMessage },
  { method: 'POST', pattern: /^\/mark-all-read$/, handler: messages.markAllRead },
  { method: 'GET', pattern: /^\/compose$/, handler: pages.composePage },
  { method: 'POST', pattern: /^\/compose$/, handler: forms.submitCompose },
  { method: 'GET', pattern: /^\/drafts$/, handler: pages.draftsPage },
  { method: 'POST', pattern: /^\/drafts\/(\d+)\/delete$/, handler: forms.deleteDraft },
  { method: 'GET', pattern: /^\/search$/, handler: pages.searchPage },
  { method: 'GET', pattern: /^\/settings$/, handler: pages.generalSettingsPage },
  { method: 'POST', pattern: /^\/settings\/general$/, handler: forms.saveGeneral },
  { method: 'GET', pattern: /^\/settings\/signature$/, handler: pages.signatureSettingsPage },
  { method: 'POST', pattern: /^\/settings\/signature$/, handler: forms.saveSignature },
  { method: 'GET', pattern: /^\/settings\/labels$/, handler: pages.labelSettingsPage },
];

export function handle(store: MailStore, request: AppRequest): AppResponse {
  const path = request.url.pathname.length > 1 ? request.url.pathname.replace(/\/+$/, '') : '/';
  const method = request.method === 'HEAD' ? 'GET' : request.method;

  if (path === STATE_PATH && method === 'GET') return jsonResponse(buildState(store));
  if (path === RESET_PATH && method === 'POST') return reset(store, request.body);
  if (path === '/assets/app.css' && method === 'GET') return { status: 200, body: STYLES, contentType: 'text/css; charset=utf-8' };
  if (path === '/assets/app.js' && method === 'GET') return { status: 200, body: CLIENT_SCRIPT, contentType: 'text/javascript; charset=utf-8' };
  if (path === '/favicon.ico') return { status: 204, body: '' };

  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    return route.handler(store, request, match[1] ?? '');
  }
  if (pathMatched) return { status: 405, body: `Expected another method for ${path}, got ${request.method}`, contentType: 'text/plain; charset=utf-8' };
  return pages.notFound(store);
}

function reset(store: MailStore, body: string): AppResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body === '' ? '{}' : body);
  } catch {
    return jsonResponse({ ok: false, error: 'Expected a JSON body like {"seed": 1}, got invalid JSON' }, 400);
  }
  const result = ResetBodySchema.safeParse(parsed);
  if (!result.success) return jsonResponse({ ok: false, error: `Expected {"seed": <integer>}, got ${body.slice(0, 100)}` }, 400);
  store.reset(result.data.seed);
  return jsonResponse({ ok: true });
}

import { redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { routeRequest, type AppRoute } from '../kit/app-router.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildState } from './probe.js';
import * as forms from './routes-forms.js';
import * as messages from './routes-messages.js';
import * as pages from './routes-pages.js';
import type { MailStore } from './store.js';
import { STYLES } from './styles.js';

type Route = AppRoute<MailStore, string>;

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
  return routeRequest(store, request, ROUTES, {
    state: buildState,
    reset: (current, seed) => current.reset(seed),
    styles: STYLES,
    script: CLIENT_SCRIPT,
    notFound: pages.notFound,
    param: (match) => match[1] ?? '',
  });
}

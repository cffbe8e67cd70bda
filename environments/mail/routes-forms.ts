import { quoted } from '../kit/html.js';
import { htmlResponse, redirect, type AppRequest, type AppResponse } from '../kit/http-types.js';
import { notFound } from './routes-pages.js';
import { renderCompose, type ComposeMode } from './render/compose.js';
import { draftTitle } from './render/drafts.js';
import { labelsPanel } from './render/settings-labels.js';
import { generalPanel, settingsPage, signaturePanel } from './render/settings.js';
import type { MailStore } from './store.js';
import { parseCompose, parseGeneral, parseLabel, parseSignature } from './validation.js';

const UNPROCESSABLE = 422;

function optionalId(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** The compose form's two buttons: intent=send (Send) or intent=draft (Save draft). */
export function submitCompose(store: MailStore, request: AppRequest): AppResponse {
  const form = request.form;
  const intent = form.get('intent') === 'draft' ? 'draft' : 'send';
  const draftId = optionalId(form.get('draftId'));
  const draftExists = draftId !== null && store.draft(draftId) !== undefined;
  const replyToId = optionalId(form.get('replyToId'));
  const forwardOfId = optionalId(form.get('forwardOfId'));
  const mode: ComposeMode = draftExists ? 'draft' : replyToId !== null ? 'reply' : forwardOfId !== null ? 'forward' : 'new';
  const result = parseCompose(store, form, intent);
  if (!result.ok) {
    const values = { to: form.get('to') ?? '', cc: form.get('cc') ?? '', subject: form.get('subject') ?? '', body: form.get('body') ?? '' };
    const state = { mode, values, errors: result.errors, draftId: draftExists ? draftId : null, replyToId, forwardOfId };
    return htmlResponse(renderCompose(store, state), UNPROCESSABLE);
  }
  if (intent === 'draft') {
    const draft = store.saveDraft(result.value, draftExists ? draftId : null);
    return redirect('/drafts', `Draft ${quoted(draftTitle(draft))} saved`);
  }
  const message = store.send(result.value, draftExists ? draftId : null);
  const verb = mode === 'reply' ? 'Reply' : mode === 'forward' ? 'Forward' : 'Message';
  return redirect('/mail/sent', `${verb} ${quoted(message.subject)} sent to ${message.to}`);
}

export function deleteDraft(store: MailStore, _request: AppRequest, id: string): AppResponse {
  const draft = store.draft(Number(id));
  if (draft === undefined) return notFound(store, 'Draft');
  store.deleteDraft(draft.id);
  return redirect('/drafts', `Draft ${quoted(draftTitle(draft))} deleted`);
}

export function saveGeneral(store: MailStore, request: AppRequest): AppResponse {
  const result = parseGeneral(request.form);
  if (!result.ok) {
    const values = {
      displayName: request.form.get('displayName') ?? '',
      vacationEnabled: request.form.get('vacationEnabled') === 'on',
      vacationMessage: request.form.get('vacationMessage') ?? '',
      vacationEndDate: request.form.get('vacationEndDate') ?? '',
    };
    return htmlResponse(settingsPage(store, 'general', generalPanel(store, { values, errors: result.errors }), undefined), UNPROCESSABLE);
  }
  store.updateGeneral(result.value);
  const vacation = result.value.vacationEnabled ? ' Vacation responder is on.' : '';
  return redirect('/settings', `Settings saved.${vacation}`);
}

export function saveSignature(store: MailStore, request: AppRequest): AppResponse {
  const result = parseSignature(request.form);
  if (!result.ok) {
    const panel = signaturePanel(store, request.form.get('signature') ?? '', result.errors.signature);
    return htmlResponse(settingsPage(store, 'signature', panel, undefined), UNPROCESSABLE);
  }
  store.updateSignature(result.value);
  return redirect('/settings/signature', result.value === '' ? 'Signature removed' : 'Signature saved');
}

export function createLabel(store: MailStore, request: AppRequest): AppResponse {
  const result = parseLabel(store, request.form);
  if (!result.ok) {
    const values = { name: request.form.get('name') ?? '', color: request.form.get('color') ?? '' };
    return htmlResponse(settingsPage(store, 'labels', labelsPanel(store, { values, errors: result.errors }), undefined), UNPROCESSABLE);
  }
  const label = store.createLabel(result.value.name, result.value.color);
  return redirect('/settings/labels', `Label ${quoted(label.name)} created`);
}

export function deleteLabel(store: MailStore, _request: AppRequest, id: string): AppResponse {
  const label = store.label(Number(id));
  if (label === undefined) return notFound(store, 'Label');
  store.deleteLabel(label);
  return redirect('/settings/labels', `Label ${quoted(label.name)} deleted`);
}

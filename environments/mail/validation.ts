import { TODAY, isValidIsoDate } from './clock.js';
import { isLabelColor, LABEL_COLORS, type LabelColor } from './model.js';
import type { ComposeInput, GeneralSettingsInput, MailStore } from './store.js';

export const SUBJECT_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 10_000;
export const LABEL_NAME_MAX_LENGTH = 40;

type Result<Value, Errors> = { ok: true; value: Value } | { ok: false; errors: Errors };

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** Comma- or semicolon-separated addresses, normalized to "a@x.com, b@y.org"; undefined when one is invalid. */
export function parseAddresses(value: string): string | undefined {
  const parts = value
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (!parts.every((part) => EMAIL.test(part))) return undefined;
  return parts.join(', ');
}

export interface ComposeErrors {
  to?: string;
  cc?: string;
  subject?: string;
  body?: string;
}

export type ComposeIntent = 'send' | 'draft';

function optionalId(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** Reads the compose form. Sending needs a valid To and a Subject; a draft needs any content. */
export function parseCompose(store: MailStore, form: URLSearchParams, intent: ComposeIntent): Result<ComposeInput, ComposeErrors> {
  const errors: ComposeErrors = {};
  const rawTo = (form.get('to') ?? '').trim();
  const rawCc = (form.get('cc') ?? '').trim();
  const subject = (form.get('subject') ?? '').trim().replace(/\s+/g, ' ');
  const body = (form.get('body') ?? '').replace(/\r\n/g, '\n').trim();

  const to = parseAddresses(rawTo);
  if (intent === 'send' && rawTo === '') errors.to = 'Add a recipient in To';
  else if (rawTo !== '' && to === undefined) errors.to = `To must be an email address like name@example.com, got “${rawTo}”`;
  const cc = parseAddresses(rawCc);
  if (cc === undefined) errors.cc = `Cc must be email addresses separated by commas, got “${rawCc}”`;
  if (intent === 'send' && subject === '') errors.subject = 'Subject is required';
  if (subject.length > SUBJECT_MAX_LENGTH) errors.subject = `Subject must be at most ${SUBJECT_MAX_LENGTH} characters`;
  if (body.length > BODY_MAX_LENGTH) errors.body = `Message must be at most ${BODY_MAX_LENGTH} characters`;
  if (intent === 'draft' && rawTo === '' && rawCc === '' && subject === '' && body === '')
    errors.body = 'Write something before saving a draft';

  const replyToId = optionalId(form.get('replyToId'));
  const forwardOfId = optionalId(form.get('forwardOfId'));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      to: to ?? '',
      cc: cc ?? '',
      subject,
      body,
      replyToId: replyToId !== null && store.message(replyToId) ? replyToId : null,
      forwardOfId: forwardOfId !== null && store.message(forwardOfId) ? forwardOfId : null,
    },
  };
}

export interface GeneralErrors {
  displayName?: string;
  vacationMessage?: string;
  vacationEndDate?: string;
}

export function parseGeneral(form: URLSearchParams): Result<GeneralSettingsInput, GeneralErrors> {
  const errors: GeneralErrors = {};
  const displayName = (form.get('displayName') ?? '').trim().replace(/\s+/g, ' ');
  if (displayName === '') errors.displayName = 'Display name is required';
  else if (displayName.length > 80) errors.displayName = 'Display name must be at most 80 characters';
  const vacationEnabled = form.get('vacationEnabled') === 'on';
  const vacationMessage = (form.get('vacationMessage') ?? '').trim();
  if (vacationEnabled && vacationMessage === '') errors.vacationMessage = 'Vacation message is required while the responder is on';
  const end = (form.get('vacationEndDate') ?? '').trim();
  if (end !== '' && !isValidIsoDate(end)) errors.vacationEndDate = `Vacation end date must be a date like 2026-07-01, got “${end}”`;
  else if (end !== '' && end < TODAY) errors.vacationEndDate = 'Vacation end date cannot be in the past';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { displayName, vacationEnabled, vacationMessage, vacationEndDate: end === '' ? null : end } };
}

export function parseSignature(form: URLSearchParams): Result<string, { signature?: string }> {
  const signature = (form.get('signature') ?? '').replace(/\r\n/g, '\n').trim();
  if (signature.length > 1000) return { ok: false, errors: { signature: 'Signature must be at most 1000 characters' } };
  return { ok: true, value: signature };
}

export interface LabelErrors {
  name?: string;
  color?: string;
}

/** A missing color falls back to the first one no label uses yet. */
export function parseLabel(store: MailStore, form: URLSearchParams): Result<{ name: string; color: LabelColor }, LabelErrors> {
  const errors: LabelErrors = {};
  const name = (form.get('name') ?? '').trim().replace(/\s+/g, ' ');
  if (name === '') errors.name = 'Name is required';
  else if (name.length > LABEL_NAME_MAX_LENGTH) errors.name = `Name must be at most ${LABEL_NAME_MAX_LENGTH} characters`;
  else if (store.labels.some((label) => label.name.toLowerCase() === name.toLowerCase()))
    errors.name = `A label named “${name}” already exists`;
  const rawColor = (form.get('color') ?? '').trim();
  const used = new Set(store.labels.map((label) => label.color));
  const color = rawColor === '' ? (LABEL_COLORS.find((candidate) => !used.has(candidate)) ?? 'gray') : rawColor;
  if (!isLabelColor(color)) errors.color = 'Choose a color from the list';
  if (Object.keys(errors).length > 0 || !isLabelColor(color)) return { ok: false, errors };
  return { ok: true, value: { name, color } };
}

/** A same-origin path to go back to after a row action; anything else falls back. */
export function safeReturnPath(value: string | null, fallback: string): string {
  if (value === null || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}

import type { Element } from '../../core/observation.js';
import type { Rng } from '../../core/random.js';
import type { Persona } from '../personas.js';

/** The fixed "today" of the bundled environments; generated dates fall shortly after it. */
const BASE_DATE_MS = Date.UTC(2026, 5, 15);
const PLACEHOLDER_OPTION = /^(\s*|[-—–]+|select\b.*|choose\b.*|any\b.*|all\b.*|none|unassigned|\(.*\))$/i;

export type FieldKind =
  | 'title'
  | 'name'
  | 'code'
  | 'date'
  | 'start-time'
  | 'end-time'
  | 'email'
  | 'number'
  | 'url'
  | 'phone'
  | 'long-text'
  | 'search'
  | 'tags'
  | 'text';

/** Classifies a field from its accessible name, role and placeholder, as a person would. */
export function classifyField(field: Element): FieldKind {
  const label = `${field.name} ${field.placeholder ?? ''}`.toLowerCase();
  const name = field.name.trim().toLowerCase();
  if (field.role === 'searchbox' || /\bsearch|query|find\b/.test(label)) return 'search';
  if (/e-?mail|recipient|attendee|invitee|guest/.test(label) || /^(to|cc|bcc)\b/.test(name)) return 'email';
  if (/\b(end|ends|until|finish)\b.*\btime\b|\bend time\b|^(end|ends|until)$/.test(name)) return 'end-time';
  if (/\btime\b|^(start|starts|from)$/.test(name)) return 'start-time';
  if (/\b(date|due|deadline|when|day|birthday)\b/.test(label)) return 'date';
  if (/\b(url|link|website)\b/.test(label)) return 'url';
  if (/\b(tags?|keywords?)\b/.test(name)) return 'tags';
  if (/\b(phone|mobile|tel)\b/.test(label)) return 'phone';
  if (field.role === 'spinbutton' || /\b(amount|number|count|quantity|qty|estimate|points|budget|price|limit)\b/.test(label))
    return 'number';
  if (/\b(key|code|prefix|abbreviation)\b/.test(label)) return 'code';
  if (/\b(title|subject|summary|headline)\b/.test(label)) return 'title';
  if (/\bname\b/.test(label)) return 'name';
  if (/\b(comment|description|body|message|note|notes|details|reply)\b/.test(label)) return 'long-text';
  return 'text';
}

export function isDateText(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/** A seeded value that fits the field, drawn from the persona's vocabulary. */
export function valueForField(field: Element, persona: Persona, rng: Rng, searchTerms: readonly string[]): string {
  const words = persona.vocabulary;
  switch (classifyField(field)) {
    case 'title':
    case 'text':
      return `${rng.pick(words.verbs)} ${rng.pick(words.objects)} ${rng.pick(words.qualifiers)}`;
    case 'name':
      return `${rng.pick(words.names)} ${rng.pick(['Initiative', 'Program', 'Rollout', 'Workstream', 'Pilot', 'Project'])} ${rng.pick(words.places)}`;
    case 'code': {
      const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
      return Array.from({ length: 3 }, () => letters[rng.int(0, letters.length - 1)]).join('');
    }
    case 'date': {
      const date = new Date(BASE_DATE_MS + rng.int(3, 60) * 86_400_000);
      return date.toISOString().slice(0, 10);
    }
    case 'start-time':
      return `${String(rng.int(8, 11)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`;
    case 'end-time':
      return `${String(rng.int(13, 17)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}`;
    case 'url':
      return `https://example.com/${rng.pick(words.names).toLowerCase()}-${rng.int(10, 99)}`;
    case 'phone':
      return `+1 555 ${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}`;
    case 'email':
      return `${rng.pick(words.names).toLowerCase()}.${rng.pick(words.places).toLowerCase()}@example.com`;
    case 'number':
      return String(rng.int(2, 40));
    case 'tags': {
      const word = () => rng.pick(words.objects).split(' ').pop()!.toLowerCase();
      const first = word();
      const second = word();
      return first === second ? first : `${first}, ${second}`;
    }
    case 'long-text':
      return rng.pick(words.sentences);
    case 'search':
      return searchTerms.length ? rng.pick(searchTerms) : rng.pick(words.objects).split(' ')[0]!;
  }
}

/** Options a person would actually choose: not the placeholder, not the current value. */
export function choosableOptions(field: Element): string[] {
  return (field.options ?? []).filter((option) => !PLACEHOLDER_OPTION.test(option) && option !== field.value);
}

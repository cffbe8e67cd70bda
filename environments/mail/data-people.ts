import { TODAY, addDays } from './clock.js';
import type { Random } from '../kit/random.js';
import {
  COMPANIES,
  FILLERS,
  PERSONAL_DOMAINS,
  PERSON_NAMES,
  USER_EMAIL_DOMAIN,
  USER_NAMES,
  USER_ROLES,
  type FillerKey,
} from './vocabulary-people.js';

export type ContactKind = 'colleague' | 'client' | 'friend';

export interface SeedContact {
  kind: ContactKind;
  name: string;
  first: string;
  email: string;
  company: string;
}

export interface SeedUser {
  name: string;
  first: string;
  email: string;
  role: string;
  company: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function generateUser(random: Random, company: string): SeedUser {
  const [first, last] = random.pick(USER_NAMES);
  return {
    name: `${first} ${last}`,
    first,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@${USER_EMAIL_DOMAIN}`,
    role: random.pick(USER_ROLES),
    company,
  };
}

/** Colleagues at the user's company, clients at other companies, friends on personal domains. */
export function generateContacts(random: Random, employer: readonly [string, string]): SeedContact[] {
  const names = random.shuffle(PERSON_NAMES);
  const clients = random.shuffle(COMPANIES.filter(([name]) => name !== employer[0]));
  const contacts: SeedContact[] = [];
  const plan: ContactKind[] = [
    'colleague',
    'colleague',
    'colleague',
    'colleague',
    'colleague',
    'colleague',
    'client',
    'client',
    'client',
    'client',
    'friend',
    'friend',
    'friend',
    'friend',
    'friend',
  ];
  plan.forEach((kind, index) => {
    const [first, last] = names[index]!;
    const lowerFirst = first.toLowerCase();
    const lowerLast = last.toLowerCase();
    if (kind === 'colleague') {
      contacts.push({ kind, name: `${first} ${last}`, first, email: `${lowerFirst}.${lowerLast}@${employer[1]}`, company: employer[0] });
    } else if (kind === 'client') {
      const [company, domain] = clients[index % clients.length]!;
      contacts.push({ kind, name: `${first} ${last}`, first, email: `${lowerFirst}@${domain}`, company });
    } else {
      const domain = random.pick(PERSONAL_DOMAINS);
      const local = random.chance(0.5) ? `${lowerFirst}.${lowerLast}` : `${lowerFirst}${lowerLast.slice(0, 1)}${random.int(7, 99)}`;
      contacts.push({ kind, name: `${first} ${last}`, first, email: `${local}@${domain}`, company: '' });
    }
  });
  return contacts;
}

function money(random: Random): string {
  const dollars = random.weighted([
    [random.int(12, 95), 3],
    [random.int(100, 990), 3],
    [random.int(1000, 4800), 2],
  ] as const);
  return `$${dollars.toLocaleString('en-US')}.${String(random.int(0, 99)).padStart(2, '0')}`;
}

function code(random: Random): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return `${letters[random.int(0, letters.length - 1)]}${letters[random.int(0, letters.length - 1)]}${random.int(1000, 9999)}`;
}

function futureDay(random: Random): string {
  const date = new Date(`${addDays(TODAY, random.int(4, 45))}T00:00:00Z`);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/**
 * Fills `{placeholders}`; each key is drawn once per message so subject and body agree. `fixed`
 * holds the per-message names ({first}, {sender}, {recipient}, {company}).
 */
export function createFiller(random: Random, fixed: Record<string, string>): (text: string) => string {
  const values = new Map<string, string>(Object.entries(fixed));
  const generate = (key: string): string => {
    if (key in FILLERS) return random.pick(FILLERS[key as FillerKey]);
    switch (key) {
      case 'amount':
        return money(random);
      case 'order':
        return `#${random.int(40000, 99999)}`;
      case 'invoice':
        return `INV-${random.int(1040, 1990)}`;
      case 'code':
        return code(random);
      case 'card':
        return String(random.int(1000, 9999));
      case 'future':
        return futureDay(random);
      case 'issue':
        return String(random.int(40, 180));
      default:
        return key;
    }
  };
  return (text) =>
    text.replace(/\{(\w+)\}/g, (_match, key: string) => {
      let value = values.get(key);
      if (value === undefined) {
        value = generate(key);
        values.set(key, value);
      }
      return value;
    });
}

import { stampOnDay } from './clock.js';
import { createFiller, generateContacts, generateUser, type SeedContact, type SeedUser } from './data-people.js';
import type { Draft, Folder, Label, MailData, Message } from './model.js';
import { createRandom, type Random } from '../kit/random.js';
import { DRAFT_TEMPLATES, LABEL_POOL, RECEIVED_TEMPLATES, SENT_TEMPLATES, type Category } from './vocabulary-mail.js';
import { COMPANIES, SERVICES, VACATION_MESSAGE, type ServiceKey } from './vocabulary-people.js';

type PendingMessage = Omit<Message, 'id' | 'threadId' | 'inReplyToId'> & { parent: PendingMessage | null; id?: number };

const DAY_MINUTES = 1440;
const NOW_MINUTE = 9 * 60 + 30;

/** Deterministic mailbox: the same seed always gives byte-identical records. */
export function generateData(seed: number): MailData {
  const random = createRandom(seed);
  const employer = random.pick(COMPANIES);
  const user = generateUser(random, employer[0]);
  const contacts = generateContacts(random, employer);
  const labels = generateLabels(random);
  const subjects = new Set<string>();
  const sent = generateSent(random, user, contacts, labels, subjects);
  const received = generateReceived(random, user, contacts, labels, subjects);
  const all = [...sent, ...received].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  all.forEach((message, index) => (message.id = index + 1));
  const messages: Message[] = all.map(({ parent, id, ...rest }) => ({
    id: id!,
    threadId: parent?.id ?? id!,
    inReplyToId: parent?.id ?? null,
    ...rest,
  }));
  const services = Object.values(SERVICES).map((service) => ({ name: service.name, email: service.email }));
  return {
    messages,
    labels,
    drafts: generateDrafts(random, user, contacts),
    settings: {
      displayName: user.name,
      email: user.email,
      signature: `${user.name}\n${user.role}, ${user.company}`,
      vacationEnabled: false,
      vacationMessage: VACATION_MESSAGE,
      vacationEndDate: null,
    },
    contacts: [...contacts.map(({ name, email }) => ({ name, email })), ...services],
  };
}

function generateLabels(random: Random): Label[] {
  const [work, ...rest] = LABEL_POOL;
  const chosen = [work!, ...random.shuffle(rest).slice(0, 4)];
  return chosen.map((entry, index) => ({ id: index + 1, name: entry.name, color: entry.color }));
}

function labelFor(random: Random, labels: readonly Label[], category: Category, probability: number): number[] {
  const name = LABEL_POOL.find((entry) => entry.category === category)?.name;
  const ids: number[] = [];
  const own = labels.find((label) => label.name === name);
  if (own && random.chance(probability)) ids.push(own.id);
  if (random.chance(0.07)) {
    const extra = random.pick(labels);
    if (!ids.includes(extra.id)) ids.push(extra.id);
  }
  return ids.sort((a, b) => a - b);
}

/** A recent-leaning day in the last six weeks and a plausible time on it (before 09:30 today). */
function stamp(random: Random, daysAgo: number): string {
  const minute = daysAgo === 0 ? random.int(6 * 60, NOW_MINUTE - 12) : random.int(7 * 60, 22 * 60);
  return stampOnDay(daysAgo, minute);
}

function recentDay(random: Random): number {
  return Math.min(41, Math.floor(42 * Math.pow(random.next(), 1.5)));
}

function body(paragraphs: readonly string[], fill: (text: string) => string): string {
  return paragraphs.map(fill).join('\n\n');
}

function generateSent(random: Random, user: SeedUser, contacts: SeedContact[], labels: Label[], subjects: Set<string>): PendingMessage[] {
  const result: PendingMessage[] = [];
  for (const template of random.shuffle(SENT_TEMPLATES).slice(0, random.int(8, 10))) {
    const recipient = random.pick(contacts.filter((contact) => contact.kind === template.to));
    const fill = createFiller(random, {
      first: user.first,
      recipient: recipient.first,
      sender: recipient.first,
      company: recipient.company,
    });
    const subject = fill(template.subject);
    if (subjects.has(subject)) continue;
    subjects.add(subject);
    const daysAgo = random.int(1, 40);
    const message: PendingMessage = {
      parent: null,
      folder: 'sent',
      trashedFrom: null,
      fromName: user.name,
      from: user.email,
      toName: recipient.name,
      to: recipient.email,
      cc: '',
      subject,
      body: `${body(template.body, fill)}\n\n${random.pick(['Thanks', 'Best', 'Cheers'])},\n${user.first}`,
      date: stamp(random, daysAgo),
      read: true,
      starred: random.chance(0.1),
      labelIds: template.to === 'friend' ? [] : labelFor(random, labels, template.to === 'client' ? 'clients' : 'work', 0.5),
      forwardOfId: null,
      signature: `${user.name}\n${user.role}, ${user.company}`,
    };
    result.push(message);
    if (!random.chance(0.6)) continue;
    const replyMinutes = Math.min(random.int(40, 3 * DAY_MINUTES), daysAgo * DAY_MINUTES - 30);
    const sentAt = new Date(message.date).getTime();
    const replyAt = new Date(sentAt + replyMinutes * 60_000).toISOString().replace('.000Z', 'Z');
    if (replyAt >= stampOnDay(0, NOW_MINUTE - 5)) continue;
    const replyDaysAgo = Math.floor((Date.UTC(2026, 5, 15) - new Date(replyAt.slice(0, 10)).getTime()) / 86_400_000);
    subjects.add(`Re: ${subject}`);
    result.push({
      ...message,
      parent: message,
      folder: replyDaysAgo > 24 && random.chance(0.5) ? 'archive' : 'inbox',
      fromName: recipient.name,
      from: recipient.email,
      toName: user.name,
      to: user.email,
      subject: `Re: ${subject}`,
      body: body(template.reply, fill),
      date: replyAt,
      read: replyDaysAgo > 3 || random.chance(0.4),
      starred: random.chance(0.12),
      labelIds: [...message.labelIds],
      signature: '',
    });
  }
  return result;
}

function senderFor(random: Random, from: string, contacts: SeedContact[]): { name: string; email: string; first: string; company: string } {
  if (from === 'colleague' || from === 'client' || from === 'friend')
    return random.pick(contacts.filter((contact) => contact.kind === from));
  const service = SERVICES[from as ServiceKey];
  return { ...service, first: service.name, company: service.name };
}

function generateReceived(
  random: Random,
  user: SeedUser,
  contacts: SeedContact[],
  labels: Label[],
  subjects: Set<string>,
): PendingMessage[] {
  const count = random.int(42, 46);
  const result: PendingMessage[] = [];
  let bag = random.shuffle(RECEIVED_TEMPLATES);
  for (let attempts = 0; result.length < count && attempts < count * 6; attempts++) {
    if (bag.length === 0) bag = random.shuffle(RECEIVED_TEMPLATES);
    const template = bag.pop()!;
    const sender = senderFor(random, template.from, contacts);
    const fill = createFiller(random, { first: user.first, sender: sender.first, company: sender.company });
    const subject = fill(template.subject);
    if (subjects.has(subject)) continue;
    subjects.add(subject);
    const daysAgo = recentDay(random);
    const automated = template.category === 'newsletters' || template.category === 'notifications';
    const colleagues = contacts.filter((contact) => contact.kind === 'colleague' && contact.email !== sender.email);
    const folder: Folder = daysAgo > 20 && random.chance(automated ? 0.6 : 0.4) ? 'archive' : 'inbox';
    result.push({
      parent: null,
      folder,
      trashedFrom: null,
      fromName: sender.name,
      from: sender.email,
      toName: user.name,
      to: user.email,
      cc: template.from === 'colleague' && random.chance(0.3) ? random.pick(colleagues).email : '',
      subject,
      body: body(template.body, fill),
      date: stamp(random, daysAgo),
      read: folder === 'archive' ? random.chance(0.95) : daysAgo > 7 ? random.chance(0.88) : random.chance(automated ? 0.5 : 0.35),
      starred: random.chance(['work', 'clients', 'travel'].includes(template.category) ? 0.3 : 0.08),
      labelIds: labelFor(random, labels, template.category, 0.8),
      forwardOfId: null,
      signature: '',
    });
  }
  // A few unwanted messages already sit in the Trash.
  const trashable = result.filter(
    (message) =>
      message.folder === 'inbox' &&
      !message.starred &&
      /@(weeklybyte|designnotes|trailnotes|larkmail|cirrusdrive|parcelly)/.test(message.from),
  );
  for (const message of random.shuffle(trashable).slice(0, random.int(2, 4))) {
    message.trashedFrom = message.folder;
    message.folder = 'trash';
    message.read = true;
  }
  return result;
}

function generateDrafts(random: Random, user: SeedUser, contacts: SeedContact[]): Draft[] {
  return random
    .shuffle(DRAFT_TEMPLATES)
    .slice(0, random.int(2, 3))
    .map((template, index) => {
      const recipient = template.to === 'none' ? undefined : random.pick(contacts.filter((contact) => contact.kind === template.to));
      const fill = createFiller(random, {
        first: user.first,
        recipient: recipient?.first ?? 'there',
        sender: user.first,
        company: recipient?.company ?? '',
      });
      return {
        id: index + 1,
        to: recipient?.email ?? '',
        cc: '',
        subject: fill(template.subject),
        body: fill(template.body),
        replyToId: null,
        forwardOfId: null,
        updatedAt: stamp(random, random.int(0, 6)),
      };
    })
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1))
    .map((draft, index) => ({ ...draft, id: index + 1 }));
}

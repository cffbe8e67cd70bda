import { TODAY, addDays, formatDate, timestampAt } from './clock.js';
import type { Page, Person, Tag, Version, WikiData } from './model.js';
import { createRandom, type Random } from '../kit/random.js';
import { extractLinkTitles } from './markdown.js';
import { buildTags } from './tags.js';
import { DESIGN_PAGES } from './vocab-design.js';
import { ENGINEERING_PAGES } from './vocab-engineering.js';
import { EDIT_SUMMARIES, EMAIL_DOMAIN, PERSON_NAMES, ROLES } from './vocab-people.js';
import { PEOPLE_PAGES } from './vocab-people-pages.js';
import { PRODUCT_PAGES } from './vocab-product.js';
import { SECURITY_PAGES } from './vocab-security.js';
import type { PageTemplate } from './vocab-types.js';

/** The signed-in user is always person 1. */
export const CURRENT_USER_ID = 1;

const SPACES: ReadonlyArray<readonly PageTemplate[]> = [ENGINEERING_PAGES, PRODUCT_PAGES, PEOPLE_PAGES, DESIGN_PAGES, SECURITY_PAGES];
const MINUTES_PER_DAY = 1440;
const MINUTES_SINCE_MIDNIGHT = 9 * 60 + 30;

/** Deterministic wiki data: the same seed always gives byte-identical records. */
export function generateData(seed: number): WikiData {
  const random = createRandom(seed);
  const people = generatePeople(random);
  const templates = selectTemplates(random);
  const pages: Page[] = [];
  const versions: Version[] = [];
  const included = new Set(templates.map((template) => template.title));

  templates.forEach((template, index) => {
    const parent = template.parent === null ? null : pages.find((page) => page.title === template.parent)!;
    let content = resolveLinks(fillPlaceholders(random, template.body, people), included);
    if (random.chance(0.35)) content += relatedSection(random, content, template, templates);
    const tags = [...template.tags];
    if (random.chance(0.15)) {
      const space = SPACES.find((pages) => pages.includes(template))!;
      const extra = random.pick([...new Set(space.flatMap((other) => other.tags))]);
      if (!tags.includes(extra)) tags.push(extra);
    }
    const authorId = random.pick(people).id;
    const history = generateHistory(random, content, authorId, people);
    const page: Page = {
      id: index + 1,
      title: template.title,
      parentId: parent?.id ?? null,
      tags,
      content,
      starred: false,
      archived: false,
      version: history.length,
      authorId,
      lastEditorId: history[history.length - 1]!.editorId,
      reviewDate: random.chance(0.35) ? addDays(TODAY, random.int(-20, 90)) : null,
      createdAt: history[0]!.editedAt,
      updatedAt: history[history.length - 1]!.editedAt,
    };
    pages.push(page);
    for (const entry of history) versions.push({ id: 0, pageId: page.id, title: page.title, tags: [...tags], ...entry });
  });

  for (const page of random.shuffle(pages).slice(0, random.int(5, 7))) page.starred = true;
  const leaves = pages.filter((page) => page.parentId !== null && !pages.some((child) => child.parentId === page.id) && !page.starred);
  for (const page of random.shuffle(leaves).slice(0, 2)) page.archived = true;

  versions.sort((a, b) => (a.editedAt < b.editedAt ? -1 : a.editedAt > b.editedAt ? 1 : a.pageId - b.pageId));
  versions.forEach((version, index) => (version.id = index + 1));
  const tags: Tag[] = buildTags(pages.flatMap((page) => page.tags).sort((a, b) => a.localeCompare(b)));
  return { people, pages, versions, tags };
}

function generatePeople(random: Random): Person[] {
  const names = random.shuffle(PERSON_NAMES).slice(0, random.int(8, 10));
  const roles = random.shuffle(ROLES);
  return names.map(([first, last], index) => ({
    id: index + 1,
    name: `${first} ${last}`,
    initials: `${first[0]}${last[0]}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@${EMAIL_DOMAIN}`,
    role: roles[index % roles.length]!,
  }));
}

/** All spaces and their second-level pages, plus a seeded subset of third-level pages, in tree order. */
function selectTemplates(random: Random): PageTemplate[] {
  const all = SPACES.flat();
  const depth = (template: PageTemplate): number =>
    template.parent === null ? 0 : 1 + depth(all.find((other) => other.title === template.parent)!);
  const deep = random.shuffle(all.filter((template) => depth(template) === 2));
  // Every second-level page with possible subpages keeps at least one; the rest are drawn at random.
  const chosen = new Set<string>();
  for (const template of deep)
    if (![...chosen].some((title) => all.find((other) => other.title === title)!.parent === template.parent)) chosen.add(template.title);
  const target = random.int(15, 17);
  for (const template of deep) if (chosen.size < target) chosen.add(template.title);
  const ordered: PageTemplate[] = [];
  for (const space of random.shuffle(SPACES)) {
    for (const template of space) if (depth(template) < 2 || chosen.has(template.title)) ordered.push(template);
  }
  return ordered;
}

function fillPlaceholders(random: Random, body: string, people: readonly Person[]): string {
  return body.replace(
    /\{(person|n:(\d+)-(\d+)|date:(-?\d+)-(-?\d+))\}/g,
    (_match, kind: string, nMin?: string, nMax?: string, dMin?: string, dMax?: string) => {
      if (kind === 'person') return random.pick(people).name;
      if (nMin !== undefined && nMax !== undefined) return String(random.int(Number(nMin), Number(nMax)));
      return formatDate(addDays(TODAY, random.int(Number(dMin), Number(dMax))));
    },
  );
}

/** Links to pages this seed left out become plain text; list items that were only such a link go. */
function resolveLinks(body: string, included: ReadonlySet<string>): string {
  const lines = body.split('\n').filter((line) => {
    const only = /^- \[\[([^\]]+)\]\]$/.exec(line);
    return only === null || included.has(only[1]!);
  });
  const text = lines.join('\n').replace(/\[\[([^\]]+)\]\]/g, (match, title: string) => (included.has(title) ? match : title));
  // A heading whose list vanished leaves a block of just the heading: drop it.
  return text
    .split('\n\n')
    .filter((block) => !/^#{1,3} [^\n]+$/.test(block))
    .join('\n\n');
}

function relatedSection(random: Random, content: string, page: PageTemplate, templates: readonly PageTemplate[]): string {
  const linked = new Set(extractLinkTitles(content));
  const space = SPACES.find((pages) => pages.includes(page))!;
  const candidates = templates.filter(
    (template) => template.title !== page.title && !linked.has(template.title) && template.parent !== null && space.includes(template),
  );
  const picks = random.shuffle(candidates).slice(0, random.int(1, 3));
  if (picks.length === 0) return '';
  return `\n\n## Related\n${picks.map((template) => `- [[${template.title}]]`).join('\n')}`;
}

type HistoryEntry = Pick<Version, 'version' | 'content' | 'editorId' | 'editedAt' | 'summary'>;

/** 1-5 versions; earlier ones hold a prefix of the content's blocks, the last one all of it. */
function generateHistory(random: Random, content: string, authorId: number, people: readonly Person[]): HistoryEntry[] {
  const count = random.weighted([
    [1, 3],
    [2, 4],
    [3, 3],
    [4, 2],
    [5, 1],
  ] as const);
  const blocks = content.split('\n\n');
  const lengths = [Math.max(1, Math.min(blocks.length - 1, Math.ceil(blocks.length / 2)))];
  for (let index = 1; index < count - 1; index++) lengths.push(random.int(lengths[index - 1]!, blocks.length));
  if (count > 1) lengths.push(blocks.length);
  else lengths[0] = blocks.length;

  const createdDaysAgo = random.int(25, 320);
  const lastDaysAgo = count === 1 ? createdDaysAgo : random.int(0, Math.min(createdDaysAgo - 1, random.chance(0.5) ? 12 : 120));
  const days = [
    createdDaysAgo,
    ...Array.from({ length: count - 1 }, () => random.int(lastDaysAgo, createdDaysAgo - 1)).sort((a, b) => b - a),
  ];
  if (count > 1) days[count - 1] = lastDaysAgo;
  const stamps = days.map((daysAgo) => dayStamp(random, daysAgo)).sort();
  const editors: Array<readonly [number, number]> = people.map((person) => [person.id, person.id === authorId ? 3 : 1] as const);

  return lengths.map((length, index) => {
    const previous = index === 0 ? 0 : lengths[index - 1]!;
    const added = blocks.slice(previous, length);
    const heading = added.map((block) => /^#{1,3} ([^\n]+)/.exec(block)?.[1]).find((text) => text !== undefined);
    const summary =
      index === 0
        ? 'Created page'
        : heading !== undefined
          ? `Added \u201c${heading}\u201d section`
          : added.length > 0
            ? 'Expanded the page'
            : random.pick(EDIT_SUMMARIES);
    return {
      version: index + 1,
      content: blocks.slice(0, length).join('\n\n'),
      editorId: index === 0 ? authorId : random.weighted(editors),
      editedAt: stamps[index]!,
      summary,
    };
  });
}

/** A working-hours timestamp `daysAgo` days before today, never later than 09:00 today. */
function dayStamp(random: Random, daysAgo: number): string {
  const minutes = -daysAgo * MINUTES_PER_DAY - MINUTES_SINCE_MIDNIGHT + random.int(8 * 60, 18 * 60);
  return timestampAt(Math.min(minutes, -30));
}

import { timestampAt } from './clock.js';
import { CURRENT_USER_ID, generateData } from './data.js';
import type { Page, Person, Tag, Version, WikiData } from './model.js';
import { addTag, findTag } from './tags.js';

export interface NewPageInput {
  title: string;
  parentId: number | null;
  tags: string[];
  content: string;
}

export interface PageUpdate {
  title: string;
  tags: string[];
  content: string;
  reviewDate: string | null;
  /** The editor's change note; an automatic summary is used when empty. */
  note: string;
}

/** One episode's in-memory wiki. Every mutation stamps records from the fixed app clock. */
export class WikiStore {
  private data: WikiData;
  /** Minutes past NOW_BASE; advances by one per mutation so new records sort after seeded ones. */
  private tick = 0;
  /** Highest id ever deleted per collection, so ids are never reused within an episode. */
  private retired = { page: 0, version: 0 };

  constructor(seed: number) {
    this.data = generateData(seed);
  }

  reset(seed: number): void {
    this.data = generateData(seed);
    this.tick = 0;
    this.retired = { page: 0, version: 0 };
  }

  get people(): readonly Person[] {
    return this.data.people;
  }
  /** All pages, archived ones included. */
  get pages(): readonly Page[] {
    return this.data.pages;
  }
  get versions(): readonly Version[] {
    return this.data.versions;
  }
  get tags(): readonly Tag[] {
    return this.data.tags;
  }

  now(): string {
    return timestampAt(this.tick);
  }

  currentUser(): Person {
    return this.person(CURRENT_USER_ID)!;
  }

  person(id: number | null): Person | undefined {
    return id === null ? undefined : this.data.people.find((person) => person.id === id);
  }

  page(id: number | null): Page | undefined {
    return id === null ? undefined : this.data.pages.find((page) => page.id === id);
  }

  pageByTitle(title: string): Page | undefined {
    const key = title.trim().toLowerCase();
    return this.data.pages.find((page) => page.title.toLowerCase() === key);
  }

  tagBySlug(slug: string): Tag | undefined {
    return this.data.tags.find((tag) => tag.slug === slug);
  }

  tagByName(name: string): Tag | undefined {
    return findTag(this.data.tags, name);
  }

  /** A page's versions, newest first. */
  history(pageId: number): Version[] {
    return this.data.versions.filter((version) => version.pageId === pageId).sort((a, b) => b.version - a.version);
  }

  createPage(input: NewPageInput): Page {
    const at = this.advance();
    for (const name of input.tags) addTag(this.data.tags, name);
    const page: Page = {
      id: nextId(this.data.pages, this.retired.page),
      title: input.title,
      parentId: input.parentId,
      tags: input.tags,
      content: input.content,
      starred: false,
      archived: false,
      version: 1,
      authorId: CURRENT_USER_ID,
      lastEditorId: CURRENT_USER_ID,
      reviewDate: null,
      createdAt: at,
      updatedAt: at,
    };
    this.data.pages.push(page);
    this.addVersion(page, at, 'Created page');
    return page;
  }

  /** Saves an edit as a new version; returns false (and changes nothing) when nothing changed. */
  updatePage(page: Page, update: PageUpdate): boolean {
    const changes: string[] = [];
    if (update.title !== page.title) changes.push(`Renamed from \u201c${page.title}\u201d`);
    if (update.content !== page.content) changes.push('Edited content');
    if (update.tags.join(',') !== page.tags.join(',')) changes.push('Updated tags');
    if (update.reviewDate !== page.reviewDate) changes.push(update.reviewDate === null ? 'Cleared review date' : 'Set review date');
    if (changes.length === 0) return false;
    const at = this.advance();
    for (const name of update.tags) addTag(this.data.tags, name);
    Object.assign(page, { title: update.title, tags: update.tags, content: update.content, reviewDate: update.reviewDate });
    this.addVersion(page, at, update.note !== '' ? update.note : changes.join('; '));
    return true;
  }

  /** Brings back an old version's title, tags and content as a new version. */
  restoreVersion(page: Page, version: Version): void {
    const at = this.advance();
    const clash = this.pageByTitle(version.title);
    if (clash === undefined || clash.id === page.id) page.title = version.title;
    page.content = version.content;
    page.tags = [...version.tags];
    for (const name of page.tags) addTag(this.data.tags, name);
    this.addVersion(page, at, `Restored version ${version.version}`);
  }

  movePage(page: Page, parentId: number | null): void {
    this.advance();
    page.parentId = parentId;
  }

  setStarred(page: Page, starred: boolean): void {
    this.advance();
    page.starred = starred;
  }

  /** Archives or unarchives a page with all of its subpages; returns how many subpages changed. */
  setArchived(page: Page, archived: boolean): number {
    this.advance();
    const subpages = this.descendants(page).filter((child) => child.archived !== archived);
    page.archived = archived;
    for (const child of subpages) child.archived = archived;
    // Unarchived under a parent that is still archived: lift it to the top level so it is reachable.
    if (!archived && this.page(page.parentId)?.archived === true) page.parentId = null;
    return subpages.length;
  }

  /** Deletes a page and its history; its subpages move up to its parent. */
  deletePage(page: Page): Page[] {
    this.advance();
    const children = this.data.pages.filter((child) => child.parentId === page.id);
    for (const child of children) child.parentId = page.parentId;
    const removed = this.history(page.id);
    this.retired.page = Math.max(this.retired.page, page.id);
    this.retired.version = removed.reduce((max, version) => Math.max(max, version.id), this.retired.version);
    this.data.pages = this.data.pages.filter((candidate) => candidate.id !== page.id);
    this.data.versions = this.data.versions.filter((version) => version.pageId !== page.id);
    return children;
  }

  descendants(page: Page): Page[] {
    const found: Page[] = [];
    const walk = (id: number): void => {
      for (const child of this.data.pages) {
        if (child.parentId === id) {
          found.push(child);
          walk(child.id);
        }
      }
    };
    walk(page.id);
    return found;
  }

  private addVersion(page: Page, at: string, summary: string): void {
    const number = this.history(page.id).reduce((max, version) => Math.max(max, version.version), 0) + 1;
    this.data.versions.push({
      id: nextId(this.data.versions, this.retired.version),
      pageId: page.id,
      version: number,
      title: page.title,
      content: page.content,
      tags: [...page.tags],
      editorId: CURRENT_USER_ID,
      editedAt: at,
      summary,
    });
    page.version = number;
    page.lastEditorId = CURRENT_USER_ID;
    page.updatedAt = at;
  }

  private advance(): string {
    this.tick += 1;
    return timestampAt(this.tick);
  }
}

function nextId(records: ReadonlyArray<{ id: number }>, floor = 0): number {
  return records.reduce((max, record) => Math.max(max, record.id), floor) + 1;
}

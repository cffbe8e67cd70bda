/** The wiki's records. Titles are unique (case-insensitively): [[Page title]] links resolve by title. */
export interface Person {
  id: number;
  name: string;
  initials: string;
  email: string;
  role: string;
}

export interface Page {
  id: number;
  title: string;
  /** null for a top-level page (a space). */
  parentId: number | null;
  /** Tag names in the order they were typed. */
  tags: string[];
  /** Markdown-ish source: #/##/### headings, - and 1. lists, **bold**, *italic*, `code`, [[Page title]]. */
  content: string;
  starred: boolean;
  archived: boolean;
  /** Current version number (the highest in its history). */
  version: number;
  authorId: number;
  lastEditorId: number;
  /** YYYY-MM-DD or null. */
  reviewDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Version {
  id: number;
  pageId: number;
  version: number;
  title: string;
  content: string;
  tags: string[];
  editorId: number;
  editedAt: string;
  summary: string;
}

export interface Tag {
  id: number;
  name: string;
  /** Unique URL segment, from slugify(name). */
  slug: string;
}

export interface WikiData {
  people: Person[];
  pages: Page[];
  versions: Version[];
  tags: Tag[];
}

/** "Design System" → "design-system"; used in /tags/:slug. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'tag' : slug;
}

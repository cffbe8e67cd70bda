import { formatDate, formatDateTime } from './clock.js';
import { extractLinkTitles } from './markdown.js';
import { ancestors, backlinks, pagesWithTag, pathLabel } from './queries.js';
import type { WikiStore } from './store.js';

type Scalar = string | number | boolean | null;
export type StateRecord = Record<string, Scalar>;
export type WikiState = Record<'pages' | 'versions' | 'tags' | 'links' | 'people', StateRecord[]>;

/**
 * The state probe's JSON: flat records of scalars carrying both ids and the values the pages show
 * (titles, names, formatted dates, comma-joined tags), so a checker can match on either.
 */
export function buildState(store: WikiStore): WikiState {
  const name = (id: number | null): string | null => store.person(id)?.name ?? null;
  const pages = store.pages.map((page) => {
    const parent = store.page(page.parentId);
    return {
      id: page.id,
      title: page.title,
      parentId: page.parentId,
      parentTitle: parent?.title ?? null,
      path: pathLabel(store, page),
      depth: ancestors(store, page).length + 1,
      tags: page.tags.join(', '),
      tagCount: page.tags.length,
      content: page.content,
      starred: page.starred,
      archived: page.archived,
      version: page.version,
      authorId: page.authorId,
      authorName: name(page.authorId),
      lastEditedById: page.lastEditorId,
      lastEditedByName: name(page.lastEditorId),
      reviewDate: page.reviewDate,
      reviewDateLabel: page.reviewDate === null ? null : formatDate(page.reviewDate),
      createdAt: page.createdAt,
      createdLabel: formatDate(page.createdAt),
      updatedAt: page.updatedAt,
      updatedLabel: formatDate(page.updatedAt),
      childCount: store.pages.filter((child) => child.parentId === page.id && !child.archived).length,
      linkCount: extractLinkTitles(page.content).length,
      backlinkCount: backlinks(store, page).length,
      url: `/pages/${page.id}`,
    };
  });
  const versions = [...store.versions]
    .sort((a, b) => a.id - b.id)
    .map((version) => {
      const page = store.page(version.pageId);
      return {
        id: version.id,
        pageId: version.pageId,
        pageTitle: page?.title ?? null,
        version: version.version,
        versionLabel: `v${version.version}`,
        title: version.title,
        summary: version.summary,
        editedById: version.editorId,
        editedByName: name(version.editorId),
        editedAt: version.editedAt,
        editedLabel: formatDateTime(version.editedAt),
        isCurrent: page?.version === version.version,
        tags: version.tags.join(', '),
        content: version.content,
      };
    });
  const tags = store.tags.map((tag) => ({
    id: tag.id,
    name: tag.name,
    slug: tag.slug,
    pageCount: pagesWithTag(store, tag).length,
    url: `/tags/${tag.slug}`,
  }));
  const links: StateRecord[] = [];
  for (const page of store.pages) {
    for (const title of extractLinkTitles(page.content)) {
      const target = store.pageByTitle(title);
      links.push({
        id: links.length + 1,
        fromPageId: page.id,
        fromTitle: page.title,
        fromArchived: page.archived,
        toTitle: title,
        toPageId: target?.id ?? null,
        toPageTitle: target?.title ?? null,
        resolved: target !== undefined,
      });
    }
  }
  const people = store.people.map((person) => ({
    id: person.id,
    name: person.name,
    initials: person.initials,
    email: person.email,
    role: person.role,
    isCurrentUser: person.id === store.currentUser().id,
    authoredPageCount: store.pages.filter((page) => page.authorId === person.id).length,
  }));
  return { pages, versions, tags, links, people };
}

import { slugify, type Tag } from './model.js';

export const MAX_TAGS_PER_PAGE = 8;
export const TAG_MAX_LENGTH = 30;

/** Unique tags (case-insensitively, first spelling wins), ids in order, slugs unique. */
export function buildTags(names: readonly string[]): Tag[] {
  const tags: Tag[] = [];
  for (const name of names) addTag(tags, name);
  return tags;
}

/** The existing tag with this name (any case), or a new one appended to `tags`. */
export function addTag(tags: Tag[], name: string): Tag {
  const existing = findTag(tags, name);
  if (existing !== undefined) return existing;
  const base = slugify(name);
  let slug = base;
  for (let suffix = 2; tags.some((tag) => tag.slug === slug); suffix++) slug = `${base}-${suffix}`;
  const tag: Tag = { id: tags.reduce((max, tag) => Math.max(max, tag.id), 0) + 1, name, slug };
  tags.push(tag);
  return tag;
}

export function findTag(tags: readonly Tag[], name: string): Tag | undefined {
  const key = name.toLowerCase();
  return tags.find((tag) => tag.name.toLowerCase() === key);
}

/**
 * Reads the comma-separated Tags field: trims, collapses spaces, drops empties and duplicates and
 * reuses an existing tag's spelling. Returns an error message when a tag is too long or too many.
 */
export function parseTagList(value: string, existing: readonly Tag[]): { tags: string[]; error?: string } {
  const tags: string[] = [];
  for (const part of value.split(',')) {
    const name = part.trim().replace(/\s+/g, ' ');
    if (name === '') continue;
    if (name.length > TAG_MAX_LENGTH) return { tags, error: `Tags must be at most ${TAG_MAX_LENGTH} characters each` };
    const spelled = findTag(existing, name)?.name ?? name;
    if (!tags.some((tag) => tag.toLowerCase() === spelled.toLowerCase())) tags.push(spelled);
  }
  if (tags.length > MAX_TAGS_PER_PAGE) return { tags, error: `A page can have at most ${MAX_TAGS_PER_PAGE} tags` };
  return { tags };
}

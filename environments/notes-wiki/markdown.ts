import { escapeHtml, raw, type SafeHtml } from '../kit/html.js';

/**
 * The wiki's small markdown dialect: # / ## / ### headings, - and 1. lists, > quotes, ``` code
 * blocks, **bold**, *italic*, `code` and [[Page title]] links. Everything is escaped first; no raw
 * HTML passes through.
 */
export interface LinkTarget {
  href: string;
  /** The target exists but is archived. */
  archived: boolean;
}
export type LinkResolver = (title: string) => LinkTarget | undefined;

export interface Heading {
  id: string;
  text: string;
  level: 2 | 3;
}

export interface RenderedContent {
  html: SafeHtml;
  headings: Heading[];
}

const WIKI_LINK = /\[\[([^\]\n]+)\]\]/g;

/** Titles linked with [[…]], unique, in order of appearance. */
export function extractLinkTitles(content: string): string[] {
  const titles: string[] = [];
  for (const match of content.matchAll(WIKI_LINK)) {
    const title = match[1]!.trim();
    if (title !== '' && !titles.some((seen) => seen.toLowerCase() === title.toLowerCase())) titles.push(title);
  }
  return titles;
}

/** Plain text for snippets: markup removed, whitespace collapsed. */
export function plainText(content: string): string {
  return content
    .replace(/```[^\n]*\n?/g, '')
    .replace(/^#{1,3}\s+(.+?):?\s*$/gm, '$1:')
    .replace(/^\s*(?:[-*]|\d+[.)])\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(WIKI_LINK, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function renderMarkdown(content: string, resolve: LinkResolver): RenderedContent {
  const out: string[] = [];
  const headings: Heading[] = [];
  let paragraph: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | undefined;
  let quote: string[] = [];

  const flush = (): void => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(' '), resolve)}</p>`);
    if (list !== undefined)
      out.push(`<${list.tag}>${list.items.map((item) => `<li>${inline(item, resolve)}</li>`).join('')}</${list.tag}>`);
    if (quote.length > 0) out.push(`<blockquote><p>${inline(quote.join(' '), resolve)}</p></blockquote>`);
    paragraph = [];
    list = undefined;
    quote = [];
  };

  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !lines[index]!.startsWith('```'); index++) code.push(lines[index]!);
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,3})\s+(.+)$/.exec(line);
    if (heading !== null) {
      flush();
      const level = heading[1]!.length === 3 ? 3 : 2;
      const text = heading[2]!.trim();
      const id = uniqueId(headings, text);
      headings.push({ id, text: plainText(text), level });
      out.push(`<h${level} id="${id}">${inline(text, resolve)}</h${level}>`);
      continue;
    }
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item !== null) {
      const tag = bullet !== null ? 'ul' : 'ol';
      if (list === undefined || list.tag !== tag) {
        flush();
        list = { tag, items: [] };
      }
      list.items.push(item[1]!);
      continue;
    }
    const quoted = /^>\s?(.*)$/.exec(line);
    if (quoted !== null) {
      if (quote.length === 0) flush();
      quote.push(quoted[1]!);
      continue;
    }
    if (list !== undefined || quote.length > 0) flush();
    paragraph.push(line.trim());
  }
  flush();
  return { html: raw(out.join('\n')), headings };
}

function uniqueId(headings: readonly Heading[], text: string): string {
  const base = `section-${
    plainText(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'part'
  }`;
  let id = base;
  for (let suffix = 2; headings.some((heading) => heading.id === id); suffix++) id = `${base}-${suffix}`;
  return id;
}

function inline(text: string, resolve: LinkResolver): string {
  return text
    .split(/(`[^`]+`|\[\[[^\]\n]+\]\])/)
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      const link = /^\[\[([^\]\n]+)\]\]$/.exec(part);
      if (link !== null) return wikiLink(link[1]!.trim(), resolve);
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\*([^*\s][^*]*)\*/g, '<em>$1</em>')
        .replace(/(^|[\s(])_([^_\s][^_]*)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>');
    })
    .join('');
}

function wikiLink(title: string, resolve: LinkResolver): string {
  const target = resolve(title);
  if (target === undefined) {
    return `<a class="wikilink missing" href="/search?q=${encodeURIComponent(title)}" title="No page with this title yet">${escapeHtml(title)}</a>`;
  }
  return `<a class="wikilink${target.archived ? ' archived' : ''}" href="${escapeHtml(target.href)}">${escapeHtml(title)}</a>`;
}

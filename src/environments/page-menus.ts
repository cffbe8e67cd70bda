/** A link inside a closed disclosure menu: what opens the menu, and the link's name and target. */
export interface MenuLink {
  /** The accessible name of the menu's opener (its `<summary>`): `aria-label`, else its text. */
  opener: string;
  /** The link's accessible name: `aria-label`, else its text. */
  name: string;
  /** Where the link leads: path and query, same origin. */
  path: string;
}

/**
 * Links a page keeps in closed `<details>` menus ("Account menu" → "Addresses"): not in the
 * accessibility tree until the menu is opened, so an agent that only reads the tree never sees
 * them. Menus that are open, and links to other origins, are left out; a nested menu is read as
 * far as its first closing tag.
 */
export function closedMenuLinks(html: string, page: URL): MenuLink[] {
  const found: MenuLink[] = [];
  for (const menu of html.matchAll(/<details\b([^>]*)>([\s\S]*?)<\/details>/gi)) {
    if (/\sopen\b/i.test(menu[1]!)) continue;
    const summary = /<summary\b([^>]*)>([\s\S]*?)<\/summary>/i.exec(menu[2]!);
    if (!summary) continue;
    const opener = accessibleName(summary[1]!, summary[2]!);
    if (!opener) continue;
    const rest = menu[2]!.slice(summary.index + summary[0].length);
    for (const link of rest.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)) {
      const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(link[1]!);
      const name = accessibleName(link[1]!, link[2]!);
      if (!href || !name) continue;
      try {
        const url = new URL(decodeEntities(href[1] ?? href[2] ?? ''), page);
        if (url.origin === page.origin) found.push({ opener, name, path: url.pathname + url.search });
      } catch {
        continue;
      }
    }
  }
  return found;
}

/** An element's name as a person reads it: its `aria-label`, else its text without tags and hidden parts. */
function accessibleName(attributes: string, inner: string): string {
  const label = /\saria-label\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
  if (label) return decodeEntities(label[1] ?? label[2] ?? '').trim();
  const text = inner
    .replace(/<([a-z]+)\b[^>]*aria-hidden="true"[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<svg\b[\s\S]*?<\/svg>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ');
}

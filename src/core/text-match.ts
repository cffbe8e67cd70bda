/** Collapses whitespace and normalizes quotes so text typed by an agent matches text on a page. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizedIncludes(haystack: string, needle: string): boolean {
  return normalizeText(haystack).toLowerCase().includes(normalizeText(needle).toLowerCase());
}

export function normalizedEquals(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}

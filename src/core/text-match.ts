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

/**
 * Whether `needle` occurs in `haystack` as a whole (case and spacing aside): not inside a longer word
 * or number, so "3" is not found in "13" nor "45.00" in "145.00", and "Felix Wagner" not in
 * "Felix Wagners". A number may be followed by a sentence's full stop or comma ("It is 42.").
 */
export function normalizedIncludesWhole(haystack: string, needle: string): boolean {
  const text = normalizeText(haystack).toLowerCase();
  const wanted = normalizeText(needle).toLowerCase();
  if (wanted === '') return true;
  const wordChar = /[\p{L}\p{N}]/u;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const before = text[at - 1];
    const after = text.slice(at + wanted.length);
    const startsClean = before === undefined || !wordChar.test(wanted[0]!) || !wordChar.test(before);
    // "4" in "4.5" or "1,200" continues the number: a decimal or grouping mark followed by a digit.
    const endsClean =
      after === '' || !wordChar.test(wanted[wanted.length - 1]!) || (!wordChar.test(after[0]!) && !/^[.,]\p{N}/u.test(after));
    const numberStart = before !== undefined && /\p{N}/u.test(wanted[0]!) && /[.,]/.test(before) && /\p{N}/u.test(text[at - 2] ?? '');
    if (startsClean && endsClean && !numberStart) return true;
  }
  return false;
}

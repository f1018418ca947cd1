/** A piece of text, and whether it is a search match. */
export interface TextPart {
  text: string;
  match: boolean;
}

/** At most this many matches are marked in one value (the rest stays plain text). */
const MAX_MARKS = 50;

/**
 * Splits `text` around the places that contain `needle`, ignoring case, the way free-text search matches
 * (the whole phrase). Pure text in, text out: the caller renders matches as elements of its own, never HTML.
 */
export function splitMatches(text: string, needle: string): TextPart[] {
  const phrase = needle.trim();
  if (!phrase || !text) return [{ text, match: false }];
  const pattern = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  let marks = 0;
  for (const found of text.matchAll(pattern)) {
    if (marks++ >= MAX_MARKS) break;
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false });
    parts.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts.length ? parts : [{ text, match: false }];
}

import { splitMatches } from '../../core/highlight.js';
import { useHighlight } from '../../hooks/highlight.js';

/** Text with the current search's matches in `<mark>`: React text nodes only, never HTML. */
export function Highlight({ text }: { text: string }) {
  const needle = useHighlight();
  // No search: the text as it is (cells render often; nothing to split).
  if (!needle) return text;
  const parts = splitMatches(text, needle);
  if (parts.length === 1 && !parts[0]!.match) return text;
  return parts.map((part, i) =>
    part.match ? (
      <mark key={i} className="ral-mark">
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  );
}

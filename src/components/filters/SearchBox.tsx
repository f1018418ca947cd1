import { useEffect, useRef, useState } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useStableCallback } from '../../hooks/useStableCallback.js';

export interface SearchBoxProps {
  value: string;
  onSearch: (text: string) => void;
  /** Wait this long after the last keystroke. @default 250 */
  debounceMs?: number;
}

/** The `searchbox` "Search": free text, sent once typing pauses (older requests are cancelled by their key). */
export function SearchBox({ value, onSearch, debounceMs = 250 }: SearchBoxProps) {
  const { messages } = useAuditLogsEnvironment();
  // What is typed, while it differs from the query's search; the query's search otherwise.
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const text = draft && draft.base === value ? draft.text : value;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A pause ends after renders the keystroke did not see (a filter picked meanwhile): `send` is stable and runs
  // the latest render's code, whose `onSearch` has that filter, never the one of the keystroke's render.
  const send = useStableCallback((next: string) => {
    clearTimeout(timer.current);
    if (next.trim() === value.trim()) return;
    onSearch(next);
    // Sent: the query's search shows from now on (a view opened later may bring back the text typed over).
    setDraft(null);
  });
  return (
    <input
      type="search"
      className="ral-search"
      aria-label={messages.search}
      placeholder={messages.searchPlaceholder}
      value={text}
      maxLength={500}
      onChange={(e) => {
        const next = e.target.value;
        setDraft({ text: next, base: value });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => send(next), debounceMs);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') send(text);
      }}
    />
  );
}

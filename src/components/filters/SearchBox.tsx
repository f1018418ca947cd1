import { useEffect, useRef, useState } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';

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
  // A pause ends after renders the keystroke did not see (a filter picked meanwhile): it sends through the
  // latest `onSearch`, whose query has that filter, never through the one of the keystroke's render.
  const latest = useRef({ value, onSearch });
  useEffect(() => {
    latest.current = { value, onSearch };
  });

  const send = (next: string) => {
    clearTimeout(timer.current);
    const now = latest.current;
    if (next.trim() === now.value.trim()) return;
    now.onSearch(next);
    // Sent: the query's search shows from now on (a view opened later may bring back the text typed over).
    setDraft(null);
  };
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

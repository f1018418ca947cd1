import { useEffect, useState } from 'react';
import { useAuditLogsEnvironment } from '../hooks/context.js';
import { useDebouncedValue } from '../hooks/useDebouncedValue.js';

export interface SearchBoxProps {
  value: string;
  onSearch: (text: string) => void;
  /** Wait this long after the last keystroke. @default 250 */
  debounceMs?: number;
}

/** The `searchbox` "Search": free text, sent once typing pauses (older requests are cancelled by their key). */
export function SearchBox({ value, onSearch, debounceMs = 250 }: SearchBoxProps) {
  const { messages } = useAuditLogsEnvironment();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // The query changed from elsewhere (a chip removed, Clear all, a link): show it.
  if (value !== lastValue) {
    setLastValue(value);
    setText(value);
  }
  const settled = useDebouncedValue(text, debounceMs);
  useEffect(() => {
    if (settled.trim() !== value.trim()) onSearch(settled);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a settled edit searches
  }, [settled]);
  return (
    <input
      type="search"
      className="ral-search"
      aria-label={messages.search}
      placeholder={messages.searchPlaceholder}
      value={text}
      maxLength={500}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSearch(text);
      }}
    />
  );
}

import { useEffect, useState } from 'react';
import { useAuditLogsEnvironment } from '../../hooks/context.js';

export interface CopyButtonProps {
  /** The text to copy. */
  value: string;
  /** What it is, for the button's name ("Copy Correlation ID"). */
  label: string;
}

/** Copies a value to the clipboard and says so. */
export function CopyButton({ value, label }: CopyButtonProps) {
  const { messages } = useAuditLogsEnvironment();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="ral-icon-button"
      aria-label={messages.copy(label)}
      title={messages.copy(label)}
      onClick={() => {
        navigator.clipboard?.writeText(value).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={copied ? 'M3 8.5 6.5 12 13 4.5' : 'M5.5 5.5h7v7h-7zM3.5 10.5v-7h7'} />
      </svg>
      <span className="ral-visually-hidden" aria-live="polite">
        {copied ? messages.copied : ''}
      </span>
    </button>
  );
}

/** A list item with its text and a remove button named for it ("Remove filter: …", "Remove user.login"). */
export function Chip({ text, removeLabel, onRemove }: { text: string; removeLabel: string; onRemove: () => void }) {
  return (
    <li className="ral-chip">
      <span className="ral-chip__text">{text}</span>
      <button type="button" className="ral-chip__remove" aria-label={removeLabel} onClick={onRemove}>
        <svg viewBox="0 0 10 10" aria-hidden="true" focusable="false">
          <path d="M2 2l6 6M8 2l-6 6" />
        </svg>
      </button>
    </li>
  );
}

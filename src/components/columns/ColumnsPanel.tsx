import { useState } from 'react';
import {
  defaultColumns,
  moveColumn,
  moveColumnTo,
  pinColumn,
  toggleColumn,
  type ResolvedColumns,
} from '../../core/columnLayout.js';
import type { FieldDefinition } from '../../core/fields.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { own } from '../../core/own.js';

export interface ColumnsPanelProps {
  fields: readonly FieldDefinition[];
  columns: ResolvedColumns;
  onChange: (columns: ResolvedColumns) => void;
  /** Edit or remove a custom field (tenant admins); built-in fields can only be hidden. */
  onEditField?: (field: FieldDefinition) => void;
  onRemoveField?: (field: FieldDefinition) => void;
}

/**
 * The "Columns" panel (it loads when first opened): a checkbox per field (built-in and custom, named by
 * display name), buttons to move each shown column left or right and to pin it, and "Reset columns". Moves
 * are announced.
 */
export function ColumnsPanel({ fields, columns, onChange, onEditField, onRemoveField, onClose }: ColumnsPanelProps & { onClose: () => void }) {
  const { messages } = useAuditLogsEnvironment();
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const visible = columns.order.filter((n) => own(columns.visibility, n));
  const onlyOne = visible.length === 1;

  const announce = (next: ResolvedColumns, name: string) => {
    const order = next.order.filter((n) => own(next.visibility, n));
    setAnnouncement(messages.columnMoved(byName.get(name)?.displayName ?? name, order.indexOf(name) + 1, order.length));
  };
  const move = (name: string, step: -1 | 1) => {
    const next = moveColumn(columns, name, step);
    onChange(next);
    announce(next, name);
  };

  return (
    <>
      <ul className="ral-columns">
        {columns.order.map((name) => {
          const field = byName.get(name);
          if (!field) return null;
          const shown = own(columns.visibility, name) ?? false;
          const at = visible.indexOf(name);
          const pinned = columns.pinned.start.includes(name) ? 'start' : columns.pinned.end.includes(name) ? 'end' : false;
          const label = field.displayName;
          return (
            <li
              key={name}
              className="ral-columns__item"
              data-pinned={pinned || undefined}
              data-dragging={dragging === name || undefined}
              // Drag to reorder with a pointer (the Move buttons do the same by keyboard).
              draggable={shown}
              onDragStart={(e) => {
                setDragging(name);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', name);
              }}
              onDragOver={(e) => {
                if (dragging) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                const source = dragging ?? e.dataTransfer.getData('text/plain');
                setDragging(null);
                if (!source || source === name) return;
                const next = moveColumnTo(columns, source, name);
                onChange(next);
                announce(next, source);
              }}
              onDragEnd={() => setDragging(null)}
            >
              <label className="ral-options__label">
                <input
                  type="checkbox"
                  checked={shown}
                  disabled={shown && onlyOne}
                  onChange={(e) => onChange(toggleColumn(columns, name, e.target.checked))}
                />
                {label}
              </label>
              {field.custom && onEditField && onRemoveField ? (
                <span className="ral-columns__actions">
                  <button type="button" className="ral-icon-button" aria-label={messages.editFieldNamed(label)} onClick={() => { onClose(); onEditField(field); }}>
                    ✎
                  </button>
                  <button type="button" className="ral-icon-button" aria-label={messages.removeFieldNamed(label)} onClick={() => { onClose(); onRemoveField(field); }}>
                    ✕
                  </button>
                </span>
              ) : null}
              {shown ? (
                <span className="ral-columns__actions">
                  <button type="button" className="ral-icon-button" aria-label={messages.moveLeft(label)} disabled={at <= 0} onClick={() => move(name, -1)}>
                    ‹
                  </button>
                  <button
                    type="button"
                    className="ral-icon-button"
                    aria-label={messages.moveRight(label)}
                    disabled={at >= visible.length - 1}
                    onClick={() => move(name, 1)}
                  >
                    ›
                  </button>
                  {pinned ? (
                    <button type="button" className="ral-icon-button" aria-label={messages.unpin(label)} onClick={() => onChange(pinColumn(columns, name, false))}>
                      ⊗
                    </button>
                  ) : (
                    <>
                      <button type="button" className="ral-icon-button" aria-label={messages.pinStart(label)} onClick={() => onChange(pinColumn(columns, name, 'start'))}>
                        ⇤
                      </button>
                      <button type="button" className="ral-icon-button" aria-label={messages.pinEnd(label)} onClick={() => onChange(pinColumn(columns, name, 'end'))}>
                        ⇥
                      </button>
                    </>
                  )}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="ral-button"
        onClick={() => {
          onChange(defaultColumns(fields));
          setAnnouncement('');
        }}
      >
        {messages.resetColumns}
      </button>
      <p role="status" aria-live="polite" className="ral-visually-hidden">
        {announcement}
      </p>
    </>
  );
}

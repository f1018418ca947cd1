import { useState } from 'react';
import type { JsonValue } from '../../core/event.js';
import { jsonPreview } from '../../core/format.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Highlight } from '../shared/Highlight.js';

/** Nodes deeper than this show a one-line preview instead of a tree. */
const MAX_DEPTH = 8;
/** Children shown before a "Show more" button. */
const CHUNK = 50;
/** Levels open at first. */
const OPEN_LEVELS = 2;
const LONG_TEXT = 400;

export interface JsonTreeProps {
  value: JsonValue;
  /** Name of the root, shown as its label. */
  label: string;
  /** Where the root sits in the event (`payload`), for "Add as column". */
  path?: string;
  /** Offers "Add as column" on every key with a readable path. */
  onAddColumn?: (path: string, value: JsonValue) => void;
}

/** Keys that can stand in a value path (no dots or spaces). */
const PATH_KEY = /^[A-Za-z0-9_-]+$/;

/** Any JSON as collapsible nested lists of plain text (disclosure buttons): depth-capped, big lists shown in chunks, children rendered only when open. */
export function JsonTree({ value, label, path, onAddColumn }: JsonTreeProps) {
  return (
    <ul className="ral-json" aria-label={label}>
      <JsonNode name={label} value={value} depth={0} path={path} onAddColumn={onAddColumn} />
    </ul>
  );
}

function AddColumnButton({ name, path, value, onAddColumn }: { name: string; path: string; value: JsonValue; onAddColumn: (path: string, value: JsonValue) => void }) {
  const { messages } = useAuditLogsEnvironment();
  return (
    <button type="button" className="ral-link ral-json__add" onClick={() => onAddColumn(path, value)} aria-label={messages.addAsColumnNamed(name)}>
      {messages.addAsColumn}
    </button>
  );
}

function Scalar({ value }: { value: JsonValue }) {
  const [full, setFull] = useState(false);
  const { messages } = useAuditLogsEnvironment();
  if (typeof value === 'string') {
    const long = value.length > LONG_TEXT && !full;
    return (
      <span className="ral-json__value" data-type="string">
        {/* As JSON writes it (straight quotes, escapes), so a copied value is valid JSON. */}
        <Highlight text={long ? `${JSON.stringify(value.slice(0, LONG_TEXT))}…` : JSON.stringify(value)} />
        {long ? (
          <button type="button" className="ral-link" onClick={() => setFull(true)}>
            {messages.showMore(value.length - LONG_TEXT)}
          </button>
        ) : null}
      </span>
    );
  }
  return (
    <span className="ral-json__value" data-type={value === null ? 'null' : typeof value}>
      {String(value)}
    </span>
  );
}

interface JsonNodeProps {
  name: string;
  value: JsonValue;
  depth: number;
  path?: string;
  onAddColumn?: (path: string, value: JsonValue) => void;
}

function JsonNode({ name, value, depth, path, onAddColumn }: JsonNodeProps) {
  const [open, setOpen] = useState(depth < OPEN_LEVELS);
  const [shown, setShown] = useState(CHUNK);
  const { messages } = useAuditLogsEnvironment();
  const branch = value !== null && typeof value === 'object';
  // The root itself is the field the tree shows; its keys are what may become columns.
  const add = depth > 0 && path && onAddColumn ? <AddColumnButton name={name} path={path} value={value} onAddColumn={onAddColumn} /> : null;
  const childPath = (key: string) => (path && PATH_KEY.test(key) ? `${path}.${key}` : undefined);
  if (!branch) {
    return (
      <li className="ral-json__leaf">
        <span className="ral-json__key">{name}:</span> <Scalar value={value} /> {add}
      </li>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  if (depth >= MAX_DEPTH) {
    return (
      <li className="ral-json__leaf">
        <span className="ral-json__key">{name}:</span> <span className="ral-json__value">{jsonPreview(value, 80)}</span>
      </li>
    );
  }
  return (
    <li className="ral-json__branch">
      <button
        type="button"
        className="ral-json__toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> <span className="ral-json__key">{name}</span>{' '}
        <span className="ral-json__summary">{summary}</span>
      </button>{' '}
      {add}
      {open ? (
        <ul>
          {entries.slice(0, shown).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} path={childPath(key)} onAddColumn={onAddColumn} />
          ))}
          {entries.length > shown ? (
            <li>
              <button type="button" className="ral-link" onClick={() => setShown(shown + CHUNK * 4)}>
                {messages.showMore(Math.min(entries.length - shown, CHUNK * 4))}
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

import { AuditQueryError } from '../core/query.js';
import type { SortKey, SortPosition } from './sortKeys.js';

interface CursorBody {
  /** sort field and direction the cursor was made for */
  f: string;
  d: 'asc' | 'desc';
  /** position of the last event handed out */
  k: SortKey;
  t: string;
  i: string;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** An opaque keyset cursor: the sort position after which the next page starts. */
export function encodeCursor(field: string, direction: 'asc' | 'desc', position: SortPosition): string {
  const body: CursorBody = { f: field, d: direction, k: position.key, t: position.timestamp, i: position.id };
  return toBase64Url(JSON.stringify(body));
}

/** Reads a cursor back; throws `AuditQueryError` for a cursor that is malformed or made for another sort. */
export function decodeCursor(cursor: string, field: string, direction: 'asc' | 'desc'): SortPosition {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(fromBase64Url(cursor)) as Partial<CursorBody>;
  } catch {
    throw new AuditQueryError(['cursor: not a cursor this log handed out']);
  }
  const keyOk = body.k === null || typeof body.k === 'string' || typeof body.k === 'number';
  if (typeof body.t !== 'string' || typeof body.i !== 'string' || !keyOk) {
    throw new AuditQueryError(['cursor: not a cursor this log handed out']);
  }
  if (body.f !== field || body.d !== direction) {
    throw new AuditQueryError([`cursor: made for sort ${body.f}:${body.d}, not ${field}:${direction}; start again`]);
  }
  return { key: body.k ?? null, timestamp: body.t, id: body.i };
}

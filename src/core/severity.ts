/**
 * One ordered severity scale onto which every source vocabulary maps.
 *
 * Frontegg sends `Info | Medium | High | Critical | Error`; fullstackhero sends
 * `Trace | Debug | Information | Warning | Error | Critical` (as names or as its `AuditSeverity` integers 1–6).
 * The label the source sent is always kept for display; the rank drives colour and ordering.
 */
import { own } from './own.js';

/** Normalized severity levels, lowest first. `unknown` is a label no vocabulary knows. */
export type SeverityLevel =
  | 'unknown'
  | 'trace'
  | 'debug'
  | 'info'
  | 'warning'
  | 'high'
  | 'error'
  | 'critical';

/** Levels in rank order, lowest first. */
export const SEVERITY_LEVELS: readonly SeverityLevel[] = [
  'unknown',
  'trace',
  'debug',
  'info',
  'warning',
  'high',
  'error',
  'critical',
];

/** Rank of each level; gaps leave room for vocabularies that sit between two levels. */
export const SEVERITY_RANK: Readonly<Record<SeverityLevel, number>> = {
  unknown: 0,
  trace: 10,
  debug: 20,
  info: 30,
  warning: 40,
  high: 50,
  error: 60,
  critical: 70,
};

const LABEL_LEVELS: Readonly<Record<string, SeverityLevel>> = {
  trace: 'trace',
  verbose: 'trace',
  debug: 'debug',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  low: 'info',
  medium: 'warning',
  warn: 'warning',
  warning: 'warning',
  moderate: 'warning',
  high: 'high',
  error: 'error',
  err: 'error',
  critical: 'critical',
  crit: 'critical',
  fatal: 'critical',
  alert: 'critical',
  emergency: 'critical',
};

/**
 * fullstackhero's numeric enum, `AuditSeverity` (Modules.Auditing.Contracts/AuditEnums.cs): None 0, Trace 1,
 * Debug 2, Information 3, Warning 4, Error 5, Critical 6. The one mapping of numbers, here and in the dialect.
 */
const FSH_NUMERIC: readonly { level: SeverityLevel; label: string }[] = [
  { level: 'unknown', label: 'None' },
  { level: 'trace', label: 'Trace' },
  { level: 'debug', label: 'Debug' },
  { level: 'info', label: 'Information' },
  { level: 'warning', label: 'Warning' },
  { level: 'error', label: 'Error' },
  { level: 'critical', label: 'Critical' },
];

/** A severity as shown (the source's label) and as ordered (the normalized level and rank). */
export interface NormalizedSeverity {
  label: string;
  level: SeverityLevel;
  rank: number;
}

/**
 * Maps a source severity (a label in any known vocabulary, or fullstackhero's integer) onto the scale.
 * Unknown labels are kept as sent and ranked `unknown`; they are never dropped.
 */
export function normalizeSeverity(input: string | number | null | undefined): NormalizedSeverity {
  if (typeof input === 'number') {
    const known = Number.isInteger(input) ? FSH_NUMERIC[input] : undefined;
    if (known) return { label: known.label, level: known.level, rank: SEVERITY_RANK[known.level] };
    return { label: String(input), level: 'unknown', rank: SEVERITY_RANK.unknown };
  }
  const label = (input ?? '').trim();
  if (/^\d+$/.test(label)) {
    const numeric = normalizeSeverity(Number(label));
    if (numeric.level !== 'unknown') return numeric;
  }
  const level = own(LABEL_LEVELS, label.toLowerCase()) ?? 'unknown';
  return { label: label === '' ? 'Unknown' : label, level, rank: SEVERITY_RANK[level] };
}

/** The level for a rank (the highest level whose rank does not exceed it). */
export function severityLevelOfRank(rank: number): SeverityLevel {
  let found: SeverityLevel = 'unknown';
  for (const level of SEVERITY_LEVELS) {
    if (SEVERITY_RANK[level] <= rank) found = level;
  }
  return found;
}

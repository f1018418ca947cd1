import { severityLevelOfRank } from '../../core/severity.js';

export interface SeverityBadgeProps {
  /** The label as the source sent it; shown as is. */
  label: string;
  /** The normalized rank (`event.severityRank`); picks colour and icon. */
  rank: number;
  /** Extra class names for the badge. */
  className?: string;
}

/** Icon paths per level: distinct shapes, so severity never rests on colour alone. */
const ICONS: Record<string, string> = {
  unknown: 'M8 5.5a2.5 2.5 0 0 1 2.5 2.5c0 1.5-2.5 1.8-2.5 3M8 12.8v.2',
  trace: 'M3 8h10',
  debug: 'M5 5h6v6H5z',
  info: 'M8 7v5M8 4.5v.2',
  warning: 'M8 3l5.5 10h-11zM8 7v3M8 11.8v.2',
  high: 'M8 12V4M4.5 7.5 8 4l3.5 3.5',
  error: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  critical: 'M8 2.5l5.5 5.5L8 13.5 2.5 8zM8 5.5v3M8 10.3v.2',
};

/** A severity label with a colour and icon from its normalized rank. */
export function SeverityBadge({ label, rank, className }: SeverityBadgeProps) {
  const level = severityLevelOfRank(rank);
  return (
    <span className={className ? `ral-severity ${className}` : 'ral-severity'} data-level={level}>
      <svg className="ral-severity__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={ICONS[level]} />
      </svg>
      <span className="ral-severity__label">{label}</span>
    </span>
  );
}

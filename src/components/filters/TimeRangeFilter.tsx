import { Suspense, useId, useState } from 'react';
import type { AuditQuery, TimeRange } from '../../core/query.js';
import { describeTimeRange } from '../../core/queryEdit.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Popover } from '../dialogs/Popover.js';
import { lazyPart } from '../shared/lazyPart.js';
import { Pending } from '../shared/StatusViews.js';

// The presets and the custom range load on first use (pointer or focus on the button preloads them).
const TimeRangePanel = lazyPart(() => import('./TimeRangePanel.js').then((m) => m.TimeRangePanel));

export interface TimeRangeFilterProps {
  query: AuditQuery;
  onChange: (range: TimeRange | undefined) => void;
}

/** The `button` "Time range": presets, or a custom from/to in the component's time zone; the range in words beside it. */
export function TimeRangeFilter({ query, onChange }: TimeRangeFilterProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const [open, setOpen] = useState(false);
  const range = query.timeRange;
  const describedById = useId();
  const choose = (next: TimeRange | undefined) => {
    onChange(next);
    setOpen(false);
  };
  return (
    <div className="ral-range">
      <Popover label={messages.timeRange} open={open} onOpenChange={setOpen} describedBy={describedById} onPreload={TimeRangePanel.preload}>
        {open ? (
          <Suspense fallback={<Pending />}>
            <TimeRangePanel range={range} onChoose={choose} describedById={describedById} />
          </Suspense>
        ) : null}
      </Popover>
      <span id={describedById} className="ral-range__text">
        {describeTimeRange(range, formatter, messages)}
      </span>
    </div>
  );
}

import { useMemo, type ReactNode } from 'react';
import type { TimeTicks } from '../../core/chartAxis.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';

export interface HistogramAxesProps {
  /** The count at the top of the chart. */
  scale: number;
  ticks: TimeTicks;
  from: number;
  to: number;
  children: ReactNode;
}

/**
 * The chart's scales, as HTML beside the (stretched) SVG so text is never distorted: counts on the start
 * side (the top, the middle, 0) and time ticks below, dated when the range spans days, in the viewer's
 * locale and time zone. Decorative for screen readers, which get the table of the same numbers.
 */
export function HistogramAxes({ scale, ticks, from, to, children }: HistogramAxesProps) {
  const { formatter } = useAuditLogsEnvironment();
  const { locale, timeZone } = formatter.options;
  const formats = useMemo(
    () => ({
      count: new Intl.NumberFormat(locale, { notation: 'compact' }),
      date: new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }),
    }),
    [locale, timeZone],
  );
  const dates = ticks.ticks.map((t) => formats.date.format(t));
  const labels = ticks.ticks.map((t, i) => {
    const date = dates[i]!;
    const time = formats.time.format(t);
    // Time of day, with the date where it changes (or the date alone for day-sized steps).
    const text = !ticks.showTime ? date : ticks.showDate && date !== dates[i - 1] ? `${date} ${time}` : time;
    return { t, text, at: ((t - from) / Math.max(1, to - from)) * 100 };
  });
  return (
    <div className="ral-histogram__plot">
      <div className="ral-histogram__y" aria-hidden="true">
        <span style={{ top: 0 }}>{formats.count.format(scale)}</span>
        {scale >= 2 ? <span style={{ top: '50%' }}>{formats.count.format(scale / 2)}</span> : null}
        <span style={{ bottom: 0 }}>0</span>
      </div>
      <div className="ral-histogram__area">
        {children}
        <div className="ral-histogram__x" aria-hidden="true">
          {labels.map((l) => (
            // Labels near an edge align to it, so none runs past the chart (and widens the page).
            <span key={l.t} className="ral-histogram__tick" data-align={l.at < 10 ? 'start' : l.at > 90 ? 'end' : undefined} style={{ left: `${l.at}%` }}>
              {l.text}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}

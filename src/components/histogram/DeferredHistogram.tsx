import { zoomable } from '../../core/histogramCap.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { deferredPart } from '../shared/lazyPart.js';
import type { HistogramProps } from './Histogram.js';

/**
 * The chart's frame while its code loads (it loads from mount on, beside the stats it waits for): the same
 * boxes and caption, so the rows below never move when the bars arrive.
 */
export function HistogramPending({ histogram }: HistogramProps) {
  const { messages } = useAuditLogsEnvironment();
  const { buckets } = histogram;
  if (!buckets.length) return null;
  return (
    <div className="ral-histogram" aria-hidden="true" data-pending="">
      <div className="ral-histogram__plot">
        <div className="ral-histogram__y" />
        <div className="ral-histogram__area">
          <div className="ral-histogram__chart" />
          <div className="ral-histogram__x" />
        </div>
      </div>
      <div className="ral-histogram__caption">
        {messages.histogram}
        {zoomable(buckets) ? <span className="ral-note"> · {messages.histogramHint}</span> : null}
      </div>
    </div>
  );
}

/** The histogram (events over time by severity, drag to zoom), its code loaded beside the stats. */
export const Histogram = deferredPart(() => import('./Histogram.js').then((m) => m.Histogram), HistogramPending);

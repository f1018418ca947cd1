import { memo, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useWidthSteps } from '../../hooks/useNarrow.js';
import { niceCeiling, timeTicks } from '../../core/chartAxis.js';
import type { AuditHistogram } from '../../core/page.js';
import { SEVERITY_LEVELS } from '../../core/severity.js';
import { zoomable } from '../../core/histogramCap.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { HistogramAxes } from './HistogramAxes.js';

export interface HistogramProps {
  histogram: AuditHistogram;
  /** Called with the time span dragged across. */
  onZoom: (from: string, to: string) => void;
}

const WIDTH = 1000;
const HEIGHT = 64;
/** Most severe first: stacked from the bottom up, so a spike of errors stands out at the base of its bar. */
const STACK_ORDER = [...SEVERITY_LEVELS].reverse();

/**
 * Events over time as SVG bars (stacked by severity where the backend counts by it), a count scale and a
 * time axis whose ticks follow the range and zoom level, plus the same numbers as a table for screen readers.
 * Dragging across the bars zooms the time range to the selection. Drawn again only when its props change:
 * the viewer re-renders as the table scrolls, and each bucket's dates are formatted twice (pass a stable `onZoom`).
 */
export const Histogram = memo(function Histogram({ histogram, onZoom }: HistogramProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const svgRef = useRef<SVGSVGElement>(null);
  const figureRef = useRef<HTMLElement>(null);
  // As many time ticks as fit: a label takes about 90 px.
  const chartWidth = useWidthSteps(figureRef, 90, 540);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const { buckets } = histogram;
  const scale = useMemo(() => niceCeiling(Math.max(0, ...buckets.map((b) => b.count))), [buckets]);
  if (!buckets.length) return null;
  const from = Date.parse(buckets[0]!.start);
  const to = Date.parse(buckets[buckets.length - 1]!.end);
  const barWidth = WIDTH / buckets.length;
  const rangeText = (start: string, end: string) => messages.rangeBetween(formatter.dateTime(start), formatter.dateTime(end));
  const height = (count: number) => (count / scale) * HEIGHT;

  const bucketAt = (event: PointerEvent<SVGSVGElement>): number => {
    const box = svgRef.current!.getBoundingClientRect();
    const x = ((event.clientX - box.left) / Math.max(1, box.width)) * WIDTH;
    return Math.max(0, Math.min(buckets.length - 1, Math.floor(x / barWidth)));
  };
  const finish = () => {
    if (!drag) return;
    const lo = Math.min(drag.start, drag.end);
    const hi = Math.max(drag.start, drag.end);
    setDrag(null);
    if (hi > lo) onZoom(buckets[lo]!.start, buckets[hi]!.end);
  };

  return (
    <figure ref={figureRef} className="ral-histogram">
      <HistogramAxes scale={scale} ticks={timeTicks(from, to, Math.max(2, Math.min(10, Math.floor(chartWidth / 90))))} from={from} to={to}>
        <svg
          ref={svgRef}
          className="ral-histogram__chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          onPointerDown={(e) => {
            try {
              e.currentTarget.setPointerCapture(e.pointerId);
            } catch {
              // No capture for this pointer (a synthetic event): the drag still works inside the chart.
            }
            const i = bucketAt(e);
            setDrag({ start: i, end: i });
          }}
          onPointerMove={(e) => {
            if (drag) setDrag({ ...drag, end: bucketAt(e) });
          }}
          onPointerUp={finish}
          onPointerCancel={() => setDrag(null)}
        >
          <line className="ral-histogram__grid" x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
          <line className="ral-histogram__grid" x1={0} x2={WIDTH} y1={0.5} y2={0.5} />
          {drag ? (
            <rect
              className="ral-histogram__selection"
              x={Math.min(drag.start, drag.end) * barWidth}
              width={(Math.abs(drag.end - drag.start) + 1) * barWidth}
              y={0}
              height={HEIGHT}
            />
          ) : null}
          {buckets.map((b, i) => {
            const x = i * barWidth + barWidth * 0.1;
            const w = barWidth * 0.8;
            let base = HEIGHT;
            const segments = b.bySeverity
              ? STACK_ORDER.filter((level) => b.bySeverity![level]).map((level) => {
                  const h = height(b.bySeverity![level]!);
                  base -= h;
                  return <rect key={level} className="ral-histogram__bar" data-level={level} x={x} width={w} y={base} height={h} />;
                })
              : b.count
                ? [<rect key="all" className="ral-histogram__bar" x={x} width={w} y={HEIGHT - Math.max(1, height(b.count))} height={Math.max(1, height(b.count))} />]
                : [];
            return (
              <g key={b.start} className="ral-histogram__bucket">
                <title>{messages.histogramBucket(rangeText(b.start, b.end), b.count)}</title>
                <rect className="ral-histogram__hit" x={i * barWidth} width={barWidth} y={0} height={HEIGHT} />
                {segments}
              </g>
            );
          })}
        </svg>
      </HistogramAxes>
      <figcaption className="ral-histogram__caption">
        {messages.histogram}
        {zoomable(buckets) ? <span className="ral-note"> · {messages.histogramHint}</span> : null}
      </figcaption>
      {/* The hidden box is a div: a <table> keeps its content's width whatever its own says, and widened the page. */}
      <div className="ral-visually-hidden">
      <table>
        <caption>{messages.histogram}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.timeRange}</th>
            <th scope="col">{messages.histogramCount}</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.start}>
              <td>{rangeText(b.start, b.end)}</td>
              <td>{formatter.number(b.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
});

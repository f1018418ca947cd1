import { useRef, useState, type PointerEvent } from 'react';
import type { AuditHistogram } from '../core/page.js';
import { useAuditLogsEnvironment } from '../hooks/context.js';

export interface HistogramProps {
  histogram: AuditHistogram;
  /** Called with the time span dragged across. */
  onZoom: (from: string, to: string) => void;
}

const WIDTH = 1000;
const HEIGHT = 64;

/**
 * Events over time as SVG bars (each with a tooltip of its range and count), and the same numbers as a
 * table for screen readers. Dragging across the bars zooms the time range to the selection.
 */
export function Histogram({ histogram, onZoom }: HistogramProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const { buckets } = histogram;
  if (!buckets.length) return null;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const barWidth = WIDTH / buckets.length;
  const rangeText = (start: string, end: string) => `${formatter.dateTime(start)} – ${formatter.dateTime(end)}`;

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
    <figure className="ral-histogram">
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
          const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (HEIGHT - 4));
          return (
            <g key={b.start} className="ral-histogram__bucket">
              <title>{messages.histogramBucket(rangeText(b.start, b.end), b.count)}</title>
              <rect className="ral-histogram__hit" x={i * barWidth} width={barWidth} y={0} height={HEIGHT} />
              <rect className="ral-histogram__bar" x={i * barWidth + barWidth * 0.1} width={barWidth * 0.8} y={HEIGHT - h} height={h} />
            </g>
          );
        })}
      </svg>
      <figcaption className="ral-histogram__caption">
        {messages.histogram}
        <span className="ral-note"> · {messages.histogramHint}</span>
      </figcaption>
      <table className="ral-visually-hidden">
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
    </figure>
  );
}

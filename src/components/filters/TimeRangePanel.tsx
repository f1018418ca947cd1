import { useId, useState } from 'react';
import type { TimePreset, TimeRange } from '../../core/query.js';
import { describeTimeRange } from '../../core/queryEdit.js';
import { fromZonedInputValue, toZonedInputValue } from '../../core/timeZone.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';

const PRESETS: TimePreset[] = ['24h', '7d', '30d'];

export interface TimeRangePanelProps {
  range: TimeRange | undefined;
  /** Chooses a range (or none) and closes the popover. */
  onChoose: (range: TimeRange | undefined) => void;
  /** The id of the range in words beside the button (an inverted range's message goes beside it). */
  describedById: string;
}

/** The time range popover's body: presets, or a custom from/to in the component's time zone. Loads on first use. */
export function TimeRangePanel({ range, onChoose, describedById }: TimeRangePanelProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const { timeZone } = formatter.options;
  const [custom, setCustom] = useState(false);
  const groupName = useId();
  const initial = range && !('preset' in range) ? range : undefined;
  const [from, setFrom] = useState(initial?.from ? toZonedInputValue(Date.parse(initial.from), timeZone) : '');
  const [to, setTo] = useState(initial?.to ? toZonedInputValue(Date.parse(initial.to), timeZone) : '');
  const fromMs = from ? fromZonedInputValue(from, timeZone) : undefined;
  const toMs = to ? fromZonedInputValue(to, timeZone) : undefined;
  const invalid = (from !== '' && fromMs === undefined) || (to !== '' && toMs === undefined);
  const inverted = fromMs !== undefined && toMs !== undefined && toMs <= fromMs;
  const customActive = custom || Boolean(range && !('preset' in range));
  return (
    <>
      <fieldset className="ral-options">
        <legend className="ral-visually-hidden">{messages.timeRange}</legend>
        {PRESETS.map((preset) => (
          <label key={preset} className="ral-options__label">
            <input
              type="radio"
              name={groupName}
              checked={!customActive && range !== undefined && 'preset' in range && range.preset === preset}
              onChange={() => {
                setCustom(false);
                onChoose({ preset });
              }}
            />
            {messages.timePreset(preset)}
          </label>
        ))}
        <label className="ral-options__label">
          <input type="radio" name={groupName} checked={customActive} onChange={() => setCustom(true)} />
          {messages.customRange}
        </label>
      </fieldset>
      {customActive ? (
        <form
          className="ral-range__custom"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (invalid || inverted || (fromMs === undefined && toMs === undefined)) return;
            onChoose({
              ...(fromMs !== undefined && { from: new Date(fromMs).toISOString() }),
              ...(toMs !== undefined && { to: new Date(toMs).toISOString() }),
            });
          }}
        >
          {/* Both inputs name the zone their wall-clock times are in, on the label's own line. */}
          <label className="ral-range__field">
            <span>{messages.zonedColumn(messages.rangeFrom, formatter.zoneName)}</span>
            <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="ral-range__field">
            <span>{messages.zonedColumn(messages.rangeTo, formatter.zoneName)}</span>
            <input
              type="datetime-local"
              value={to}
              aria-invalid={inverted || undefined}
              aria-describedby={inverted ? `${describedById}-error` : undefined}
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
          {inverted ? (
            <p id={`${describedById}-error`} className="ral-field-error">
              {messages.rangeInverted}
            </p>
          ) : null}
          <button type="submit" className="ral-button">
            {messages.apply}
          </button>
        </form>
      ) : null}
      {range ? (
        <button type="button" className="ral-link" onClick={() => onChoose(undefined)}>
          {describeTimeRange(undefined, formatter, messages)}
        </button>
      ) : null}
    </>
  );
}

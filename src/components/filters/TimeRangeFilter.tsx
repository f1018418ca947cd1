import { useId, useState } from 'react';
import type { AuditQuery, TimePreset, TimeRange } from '../../core/query.js';
import { describeTimeRange } from '../../core/queryEdit.js';
import { fromZonedInputValue, toZonedInputValue } from '../../core/timeZone.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { Popover } from '../dialogs/Popover.js';

const PRESETS: TimePreset[] = ['24h', '7d', '30d'];

export interface TimeRangeFilterProps {
  query: AuditQuery;
  onChange: (range: TimeRange | undefined) => void;
}

/** The `button` "Time range": presets, or a custom from/to in the component's time zone; the range in words beside it. */
export function TimeRangeFilter({ query, onChange }: TimeRangeFilterProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const { timeZone } = formatter.options;
  const [open, setOpen] = useState(false);
  const [custom, setCustom] = useState(false);
  const range = query.timeRange;
  const describedById = useId();
  const groupName = useId();
  const initial = range && !('preset' in range) ? range : undefined;
  const [from, setFrom] = useState(initial?.from ? toZonedInputValue(Date.parse(initial.from), timeZone) : '');
  const [to, setTo] = useState(initial?.to ? toZonedInputValue(Date.parse(initial.to), timeZone) : '');
  const fromMs = from ? fromZonedInputValue(from, timeZone) : undefined;
  const toMs = to ? fromZonedInputValue(to, timeZone) : undefined;
  const invalid = (from !== '' && fromMs === undefined) || (to !== '' && toMs === undefined);
  const inverted = fromMs !== undefined && toMs !== undefined && toMs <= fromMs;
  const customActive = custom || Boolean(range && !('preset' in range));
  const choose = (next: TimeRange | undefined) => {
    onChange(next);
    setOpen(false);
  };
  return (
    <div className="ral-range">
      <Popover label={messages.timeRange} open={open} onOpenChange={setOpen} describedBy={describedById}>
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
                  choose({ preset });
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
              choose({
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
          <button type="button" className="ral-link" onClick={() => choose(undefined)}>
            {describeTimeRange(undefined, formatter, messages)}
          </button>
        ) : null}
      </Popover>
      <span id={describedById} className="ral-range__text">
        {describeTimeRange(range, formatter, messages)}
      </span>
    </div>
  );
}

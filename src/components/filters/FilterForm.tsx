import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { FieldDefinition } from '../../core/fields.js';
import { filterFormSchema, formToFilter, listValues, type FilterFormValues } from '../../core/filterForm.js';
import type { FieldFilter } from '../../core/query.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useFilterOperators } from '../../hooks/useFilterOperators.js';
import { Chip } from './Chip.js';

export interface FilterFormProps {
  fields: readonly FieldDefinition[];
  onAdd: (filter: FieldFilter) => void;
}

/** The "Add filter" form: a filterable field, an operator fitting its type, a value checked before it is sent. */
export function FilterForm({ fields, onAdd }: FilterFormProps) {
  const { messages, formatter } = useAuditLogsEnvironment();
  const { timeZone } = formatter.options;
  const id = useId();
  const operatorsOf = useFilterOperators();
  // Only fields the server can filter in some way fitting their type.
  const filterable = fields.filter((f) => f.filterable && operatorsOf(f.type).length > 0);
  const first = filterable[0];
  const schema = filterFormSchema(filterable, timeZone, (f) => operatorsOf(f.type), messages.filterProblem);
  const form = useForm<FilterFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { field: first?.name ?? '', op: first ? operatorsOf(first.type)[0] : 'eq', value: '', values: [], value2: '' },
  });
  const { register, handleSubmit, setValue, formState, control } = form;
  const fieldName = useWatch({ control, name: 'field' });
  const op = useWatch({ control, name: 'op' });
  const field = filterable.find((f) => f.name === fieldName);
  const values = useWatch({ control, name: 'values' }) ?? [];
  const typed = useWatch({ control, name: 'value' });
  const many = op === 'in' && field?.type !== 'datetime';
  // "is any of": each value becomes an entry (Enter or a comma), shown as a removable item.
  const addTyped = (text = typed ?? '') => {
    const next = listValues({ value: text, values });
    setValue('values', next);
    setValue('value', '');
    return next;
  };
  const operators = field ? operatorsOf(field.type) : [];
  const inputType = field?.type === 'datetime' ? 'datetime-local' : field?.type === 'number' ? 'number' : 'text';
  const error = (name: keyof FilterFormValues) => formState.errors[name]?.message;
  const describe = (name: keyof FilterFormValues) => (error(name) ? `${id}-${name}-error` : undefined);
  const fieldRegistration = register('field', {
    onChange: (e: { target: { value: string } }) => {
      const next = filterable.find((f) => f.name === e.target.value);
      if (next) setValue('op', operatorsOf(next.type)[0]!);
      setValue('value', '');
      setValue('values', []);
      setValue('value2', '');
    },
  });
  const valueRegistration = register('value', {
    onChange: (e: { target: { value: string } }) => {
      if (many && e.target.value.includes(',')) addTyped(e.target.value);
    },
  });

  return (
    <form
      className="ral-filter-form"
      noValidate
      onSubmit={handleSubmit((values) => {
        if (field) onAdd(formToFilter(values, field, timeZone));
      })}
    >
      <label>
        {messages.filterField}
        <select {...fieldRegistration} aria-invalid={Boolean(error('field')) || undefined} aria-describedby={describe('field')}>
          {filterable.map((f) => (
            <option key={f.name} value={f.name}>
              {f.displayName}
            </option>
          ))}
        </select>
      </label>
      {error('field') ? <p id={`${id}-field-error`} className="ral-field-error">{error('field')}</p> : null}
      <label>
        {messages.filterOperator}
        <select {...register('op')} aria-invalid={Boolean(error('op')) || undefined} aria-describedby={describe('op')}>
          {operators.map((o) => (
            <option key={o} value={o}>
              {messages.operator(o)}
            </option>
          ))}
        </select>
      </label>
      {error('op') ? <p id={`${id}-op-error`} className="ral-field-error">{error('op')}</p> : null}
      <label>
        {messages.filterValue}
        <input
          type={inputType}
          step={inputType === 'number' ? 'any' : undefined}
          list={field?.options?.length ? `${id}-options` : undefined}
          {...valueRegistration}
          onKeyDown={(e) => {
            if (many && e.key === 'Enter' && (typed ?? '').trim()) {
              e.preventDefault();
              addTyped();
            } else if (many && e.key === 'Backspace' && !typed && values.length) {
              setValue('values', values.slice(0, -1));
            }
          }}
          aria-invalid={Boolean(error('value')) || undefined}
          aria-describedby={[describe('value'), many ? `${id}-values-hint` : undefined].filter(Boolean).join(' ') || undefined}
        />
      </label>
      {many ? (
        <>
          <p id={`${id}-values-hint`} className="ral-note">
            {messages.filterValuesHint}
          </p>
          {values.length ? (
            <ul className="ral-values" aria-label={messages.filterValues}>
              {values.map((v) => (
                <Chip key={v} text={v} removeLabel={messages.removeValue(v)} onRemove={() => setValue('values', values.filter((x) => x !== v))} />
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {field?.options?.length ? (
        <datalist id={`${id}-options`}>
          {field.options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      ) : null}
      {error('value') ? <p id={`${id}-value-error`} className="ral-field-error">{error('value')}</p> : null}
      {op === 'between' ? (
        <>
          <label>
            {messages.filterValueTo}
            <input
              type={inputType}
              {...register('value2')}
              aria-invalid={Boolean(error('value2')) || undefined}
              aria-describedby={describe('value2')}
            />
          </label>
          {error('value2') ? <p id={`${id}-value2-error`} className="ral-field-error">{error('value2')}</p> : null}
        </>
      ) : null}
      <button type="submit" className="ral-button ral-button--primary">
        {messages.applyFilter}
      </button>
    </form>
  );
}

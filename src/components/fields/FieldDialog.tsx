import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { AuditEvent } from '../../core/event.js';
import {
  CUSTOM_FIELD_TYPES,
  applyFieldForm,
  fieldFormSchema,
  previewPath,
  type FieldFormValues, fieldDialogStart, type FieldDialogRequest } from '../../core/fieldForm.js';
import type { DataStructure } from '../../core/fields.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useModalDialog } from '../../hooks/useModalDialog.js';
import { useSaveDataStructure } from '../../hooks/useSaveDataStructure.js';
import { saveFailure } from '../../hooks/fieldStore.js';

export interface FieldDialogProps {
  /** The data structure the field joins. */
  structure: DataStructure;
  /** The form's first values (empty, prefilled from a value in an event, or a field's to edit it). */
  initial: FieldFormValues;
  /** The name of the custom field being edited (its name stays). Absent: a new field. */
  editing?: string;
  /** Loaded events, to preview what "Value from" finds. */
  sample: readonly AuditEvent[];
  onClose: () => void;
}

/**
 * The modal `dialog` "Add field": name, display name, type, where the value lives (with a preview of what
 * it finds), column and details flags. Checked by the core's schema before anything is sent; a failed save
 * keeps everything typed and says why; the Save button waits while saving, so a double click saves once.
 */
export function FieldDialog({ structure, initial, editing, sample, onClose }: FieldDialogProps) {
  const { messages, formatter, fieldHome } = useAuditLogsEnvironment();
  const ref = useModalDialog();
  const id = useId();
  const save = useSaveDataStructure();
  const form = useForm<FieldFormValues>({
    resolver: zodResolver(fieldFormSchema(structure.fields, editing)),
    defaultValues: initial,
    mode: 'onSubmit',
  });
  const { register, handleSubmit, control, formState } = form;
  const type = useWatch({ control, name: 'type' });
  const name = useWatch({ control, name: 'name' });
  const valueFrom = useWatch({ control, name: 'valueFrom' });


  const error = (field: keyof FieldFormValues) => formState.errors[field]?.message;
  const described = (field: keyof FieldFormValues) => (error(field) ? `${id}-${field}-error` : undefined);
  const errorText = (field: keyof FieldFormValues) =>
    error(field) ? (
      <p id={`${id}-${field}-error`} className="ral-field-error">
        {error(field)}
      </p>
    ) : null;
  const path = valueFrom.trim() || (name.trim() ? `fields.${name.trim()}` : '');
  const preview = path ? previewPath(sample, path) : undefined;
  const pending = save.isPending || formState.isSubmitting;

  return (
    <dialog
      ref={ref}
      className="ral-field-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onClose();
      }}
    >
      <form
        noValidate
        onSubmit={handleSubmit(async (values) => {
          if (save.isPending) return;
          const next = { fields: applyFieldForm(structure.fields, values, editing) };
          await save.mutateAsync(next).then(onClose, () => undefined);
        })}
      >
        <h2 id={`${id}-title`} className="ral-confirm__title">
          {editing ? messages.editField : messages.addField}
        </h2>
        <div className="ral-field-dialog__grid">
          <label>
            {messages.fieldName}
            <input
              {...register('name')}
              autoComplete="off"
              readOnly={editing !== undefined}
              aria-invalid={Boolean(error('name')) || undefined}
              aria-describedby={described('name')}
            />
          </label>
          {errorText('name')}
          <label>
            {messages.fieldDisplayName}
            <input {...register('displayName')} autoComplete="off" aria-invalid={Boolean(error('displayName')) || undefined} aria-describedby={described('displayName')} />
          </label>
          {errorText('displayName')}
          <label>
            {messages.fieldType}
            <select {...register('type')}>
              {CUSTOM_FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {messages.fieldTypeLabel(t)}
                </option>
              ))}
            </select>
          </label>
          {type === 'enum' ? (
            <>
              <label>
                {messages.fieldOptions}
                <textarea rows={3} {...register('options')} aria-invalid={Boolean(error('options')) || undefined} aria-describedby={described('options')} />
              </label>
              {errorText('options')}
            </>
          ) : null}
          <label>
            {messages.fieldValueFrom}
            <input
              {...register('valueFrom')}
              autoComplete="off"
              placeholder={name.trim() ? `fields.${name.trim()}` : 'fields.region'}
              aria-invalid={Boolean(error('valueFrom')) || undefined}
              aria-describedby={[described('valueFrom'), `${id}-preview`].filter(Boolean).join(' ')}
            />
          </label>
          {errorText('valueFrom')}
          <p id={`${id}-preview`} className="ral-field-dialog__preview" aria-live="polite">
            {preview ? messages.fieldPreview(formatter.number(preview.found), formatter.number(preview.of), preview.samples) : ''}
          </p>
        </div>
        <fieldset className="ral-field-dialog__flags">
          <label>
            <input type="checkbox" {...register('visible')} /> {messages.fieldShowAsColumn}
          </label>
          <label>
            <input type="checkbox" {...register('showInDetails')} /> {messages.fieldShowInDetails}
          </label>
          <label>
            <input type="checkbox" {...register('filterable')} /> {messages.fieldFilterable}
          </label>
          <label>
            <input type="checkbox" {...register('sortable')} /> {messages.fieldSortable}
          </label>
        </fieldset>
        {fieldHome.where === 'browser' ? <p className="ral-note">{messages.savedInBrowserOnly}</p> : null}
        {save.error ? (
          <p role="alert" className="ral-confirm__error">
            {saveFailure(save.error, messages)}
          </p>
        ) : null}
        <div className="ral-confirm__actions">
          <button type="button" className="ral-button" onClick={onClose} disabled={pending}>
            {messages.cancel}
          </button>
          <button type="submit" className="ral-button ral-button--primary" disabled={pending} aria-busy={pending || undefined}>
            {messages.saveField}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The dialog for a request (new, edit, or a value to turn into a column): what opens it needs no form code. */
export function RequestedFieldDialog({ request, ...props }: Omit<FieldDialogProps, 'initial' | 'editing'> & { request: FieldDialogRequest }) {
  const { initial, editing } = fieldDialogStart(request, props.structure.fields);
  return <FieldDialog key={editing ?? ''} {...props} initial={initial} editing={editing} />;
}

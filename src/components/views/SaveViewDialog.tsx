import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import type { AuditLogsMessages } from '../../core/messages.js';
import { VIEW_NAME_MAX, viewNameProblem, type SavedView } from '../../core/views.js';
import { useAuditLogsEnvironment } from '../../hooks/context.js';
import { useAuditLogsInstance } from '../../hooks/instance.js';
import { useModalDialog } from '../../hooks/useModalDialog.js';
import { isNameTaken, viewFailure } from './viewErrors.js';

interface SaveViewValues {
  name: string;
  share: boolean;
  defaultForMe: boolean;
  defaultForTenant: boolean;
}

function saveViewSchema(views: readonly SavedView[], editing: string | undefined, messages: AuditLogsMessages) {
  return z
    .object({ name: z.string(), share: z.boolean(), defaultForMe: z.boolean(), defaultForTenant: z.boolean() })
    .check(
      z.superRefine((form, ctx) => {
        const problem = viewNameProblem(form.name, form.share ? 'tenant' : 'personal', views, editing);
        const message =
          problem === 'required' ? messages.viewNameRequired : problem === 'tooLong' ? messages.viewNameTooLong(VIEW_NAME_MAX) : problem === 'taken' ? messages.viewNameTaken : undefined;
        if (message) ctx.addIssue({ code: 'custom', path: ['name'], message });
      }),
    );
}

/**
 * The modal `dialog` "Save view": Name (required, at most 128 characters, unique in its scope in any letter
 * case), "Share with the tenant" (with `manageViews`), "Open by default for me", and for a shared view "Open by
 * default for everyone". Errors beside their inputs; a failed save keeps everything typed.
 */
export function SaveViewDialog({ asNew, onClose }: { asNew: boolean; onClose: () => void }) {
  const { messages } = useAuditLogsEnvironment();
  const { views } = useAuditLogsInstance();
  const ref = useModalDialog();
  const id = useId();
  // Saving the open view changes it where the user may; otherwise (or "as new") a new view is made.
  const editing = !asNew && views.current && views.canChange(views.current) ? views.current : undefined;
  const form = useForm<SaveViewValues>({
    resolver: zodResolver(saveViewSchema(views.list, editing?.id, messages)),
    defaultValues: {
      name: editing?.name ?? '',
      share: editing?.scope === 'tenant',
      defaultForMe: Boolean(editing?.defaultForMe),
      defaultForTenant: Boolean(editing?.defaultForTenant),
    },
    mode: 'onSubmit',
  });
  const { register, handleSubmit, formState, setError } = form;
  const share = useWatch({ control: form.control, name: 'share' });
  const [failure, setFailure] = useState<string | null>(null);
  const nameError = formState.errors.name?.message;
  const pending = formState.isSubmitting;

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
          setFailure(null);
          const scope = values.share && views.canShare ? 'tenant' : 'personal';
          const input = {
            name: values.name.trim(),
            scope,
            defaultForMe: values.defaultForMe,
            defaultForTenant: scope === 'tenant' && values.defaultForTenant,
          } as const;
          try {
            const saved = editing
              ? await views.update(editing, { ...input, state: { ...editing.state, ...views.stateNow() } })
              : await views.create({ ...input, state: views.stateNow() });
            views.announce(messages.viewSaved(saved.name));
            onClose();
          } catch (error) {
            if (isNameTaken(error)) setError('name', { message: messages.viewNameTaken });
            else setFailure(viewFailure(error, editing?.name ?? input.name, messages, messages.viewSaveFailed));
          }
        })}
      >
        <h2 id={`${id}-title`} className="ral-confirm__title">
          {asNew ? messages.saveAsNewView : messages.saveView}
        </h2>
        <div className="ral-field-dialog__grid">
          <label>
            {messages.viewName}
            <input
              {...register('name')}
              autoComplete="off"
              aria-invalid={Boolean(nameError) || undefined}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
              autoFocus
            />
          </label>
          {nameError ? (
            <p id={`${id}-name-error`} className="ral-field-error">
              {nameError}
            </p>
          ) : null}
        </div>
        <fieldset className="ral-field-dialog__flags">
          {views.canShare ? (
            <label>
              <input type="checkbox" {...register('share')} /> {messages.shareWithTenant}
            </label>
          ) : null}
          <label>
            <input type="checkbox" {...register('defaultForMe')} /> {messages.defaultForMe}
          </label>
          {views.canShare && share ? (
            <label>
              <input type="checkbox" {...register('defaultForTenant')} /> {messages.defaultForEveryone}
            </label>
          ) : null}
        </fieldset>
        {views.home === 'browser' ? <p className="ral-note">{messages.viewsInBrowserOnly}</p> : null}
        {failure ? (
          <p role="alert" className="ral-confirm__error">
            {failure}
          </p>
        ) : null}
        <div className="ral-confirm__actions">
          <button type="button" className="ral-button" onClick={onClose} disabled={pending}>
            {messages.cancel}
          </button>
          <button type="submit" className="ral-button ral-button--primary" disabled={pending} aria-busy={pending || undefined}>
            {messages.saveView}
          </button>
        </div>
      </form>
    </dialog>
  );
}
